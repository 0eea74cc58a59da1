/// Builds the node tree of a single-document stream from libyaml events.
///
/// Works with an explicit stack rather than recursion, so deep nesting cannot overflow the
/// thread's stack. Resolves anchors and aliases (guarding against alias bombs), applies merge
/// keys, and collects every duplicate-key and undefined-alias error before throwing them
/// together. A syntax error, too deep nesting or an alias bomb stops composing at once.
struct YAMLComposer {
    /// The most nodes aliases may add to a document (a "billion laughs" guard).
    static let maxAliasExpansion = 1_000_000
    /// The deepest nesting of collections accepted.
    static let maxDepth = 1_000

    /// A collection whose end event has not arrived yet.
    private struct PendingCollection {
        var anchor: String?
        var tag: String?
        var mark: SourceMark
        /// The number of nodes in the collection so far, itself included.
        var size = 1
        var items: [YAMLNode] = []
        /// Non-nil for a mapping.
        var mapping: YAMLMappingBuilder?

        func build() -> YAMLNode {
            let content: YAMLNode.Content = mapping.map { .mapping($0.build()) } ?? .sequence(items)
            return YAMLNode(content: content, mark: mark, tag: tag)
        }
    }

    /// An anchored node and its size, so that aliases can be counted without walking them.
    private struct Anchored {
        var node: YAMLNode
        var size: Int
    }

    private let reader: YAMLEventReader
    private let file: String
    private var anchors: [String: Anchored] = [:]
    private var diagnostics: [Diagnostic] = []
    private var aliasExpansion = 0

    init(reader: YAMLEventReader, file: String) {
        self.reader = reader
        self.file = file
    }

    /// The stream's only document; an empty stream gives a null plain scalar at 1:1.
    mutating func composeDocument() throws(DiagnosticList) -> YAMLNode {
        var event = try nextEvent()
        if case .streamStart = event {
            event = try nextEvent()
        }
        guard case .documentStart = event else {
            let empty = YAMLScalar(value: "", style: .plain)
            return YAMLNode(content: .scalar(empty), mark: SourceMark(file: file, line: 1, column: 1))
        }
        let root = try composeNode()
        _ = try nextEvent()  // The document's end.
        if case .documentStart(let mark) = try nextEvent() {
            diagnostics.append(Diagnostic(
                .error, "expected a single YAML document, but a second document starts here", at: mark
            ))
        }
        if !diagnostics.isEmpty {
            throw DiagnosticList(diagnostics)
        }
        return root
    }

    /// Composes the node whose first event comes next, with everything nested in it.
    private mutating func composeNode() throws(DiagnosticList) -> YAMLNode {
        var stack: [PendingCollection] = []
        while true {
            let completed: YAMLNode
            var size = 1
            switch try nextEvent() {
            case .scalar(let scalar, let anchor, let tag, let mark):
                completed = YAMLNode(content: .scalar(scalar), mark: mark, tag: tag)
                register(anchor, completed, size: 1)
            case .alias(let name, let mark):
                guard let anchored = anchors[name] else {
                    diagnostics.append(Diagnostic(.error, "undefined alias \(YAMLNode.quoted(name))", at: mark))
                    completed = YAMLNode(content: .scalar(YAMLScalar(value: "", style: .plain)), mark: mark)
                    break
                }
                aliasExpansion += anchored.size
                guard aliasExpansion <= Self.maxAliasExpansion else {
                    throw failure(Diagnostic(
                        .error,
                        "aliases expand to more than \(Self.maxAliasExpansion) nodes (an alias bomb?)",
                        at: mark
                    ))
                }
                completed = anchored.node
                size = anchored.size
            case .sequenceStart(let anchor, let tag, let mark):
                try checkDepth(stack.count, at: mark)
                stack.append(PendingCollection(anchor: anchor, tag: tag, mark: mark))
                continue
            case .mappingStart(let anchor, let tag, let mark):
                try checkDepth(stack.count, at: mark)
                stack.append(PendingCollection(anchor: anchor, tag: tag, mark: mark, mapping: YAMLMappingBuilder()))
                continue
            case .sequenceEnd, .mappingEnd:
                guard let finished = stack.popLast() else {
                    throw failure(Diagnostic(.error, "unbalanced YAML collection events", at: nil))
                }
                completed = finished.build()
                size = finished.size
                register(finished.anchor, completed, size: size)
            case .streamStart, .streamEnd, .documentStart, .documentEnd:
                throw failure(Diagnostic(.error, "unexpected end of YAML document", at: nil))
            }
            guard !stack.isEmpty else { return completed }
            let top = stack.count - 1
            stack[top].size += size
            if stack[top].mapping != nil {
                if let problem = stack[top].mapping?.add(completed) {
                    diagnostics.append(problem)
                }
            } else {
                stack[top].items.append(completed)
            }
        }
    }

    private mutating func register(_ anchor: String?, _ node: YAMLNode, size: Int) {
        if let anchor {
            anchors[anchor] = Anchored(node: node, size: size)
        }
    }

    private func checkDepth(_ depth: Int, at mark: SourceMark) throws(DiagnosticList) {
        if depth >= Self.maxDepth {
            throw failure(Diagnostic(.error, "collections are nested more than \(Self.maxDepth) deep", at: mark))
        }
    }

    private mutating func nextEvent() throws(DiagnosticList) -> YAMLEvent {
        do {
            return try reader.next()
        } catch {
            throw failure(error)
        }
    }

    /// Everything collected so far, ending with the diagnostic that stops composing.
    private func failure(_ diagnostic: Diagnostic) -> DiagnosticList {
        DiagnosticList(diagnostics + [diagnostic])
    }
}
