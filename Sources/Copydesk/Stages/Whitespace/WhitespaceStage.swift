/// The `whitespace` stage: tidies what earlier stages left behind. Each step can be turned off.
public struct WhitespaceStage: Stage {
    public struct Options: Sendable, Equatable {
        /// Turn CRLF and lone CR into LF.
        public var normalizeNewlines = true
        /// Remove spaces and tabs at the start of each line.
        public var trimLeadingSpaces = true
        /// Remove spaces and tabs at the end of each line.
        public var trimTrailingSpaces = true
        /// Turn runs of spaces and tabs inside a line into one space.
        public var collapseSpaces = true
        /// At most this many blank lines in a row (nil: leave runs alone).
        public var maxBlankLines: Int? = 1
        /// Remove blank lines at the start and end of the text.
        public var trim = true

        public init() {}
    }

    public let id: String
    public var kind: String { "whitespace" }
    public let fields: [String]
    public let options: Options
    /// Where the stage is defined, for trace events.
    public let mark: SourceMark?
    private let traceSource: TraceSource

    public init(id: String, fields: [String] = ["text"], options: Options = Options(), mark: SourceMark? = nil) {
        self.id = id
        self.fields = fields
        self.options = options
        self.mark = mark
        self.traceSource = TraceSource(stage: id, rule: nil, mark: mark)
    }

    public var canThrow: Bool { false }

    public func process(_ document: inout Document, context: WorkerContext) {
        for field in fields {
            guard let text = document.field(field) else { continue }
            let edits = text.withUnsafeBufferPointer { WhitespaceEdits(options: options).edits(for: $0) }
            if document.tracksOrigins, let first = edits.first, let last = edits.last {
                // One event per changed field, spanning its first to its last edit.
                let range = document.originalRange(of: first.range.lowerBound..<last.range.upperBound, in: field)
                document.trace.append(TraceEvent(
                    source: traceSource, field: field, range: range, matchedIn: [], matchRange: 0..<0,
                    effect: .whitespace(edits: edits.count)))
            }
            document.apply(edits, to: field)
        }
    }

    static let keys = [
        "stage", "id", "fields", "normalize_newlines", "trim_leading_spaces", "trim_trailing_spaces",
        "collapse_spaces", "max_blank_lines", "trim",
    ]

    /// Registry factory.
    @Sendable
    public static func make(_ definition: StageDefinition, context: ConfigContext) -> (any Stage)? {
        guard let mapping = ConfigMapping(definition.node, allowedKeys: keys, what: "whitespace stage \"\(definition.id)\"", context: context) else {
            return nil
        }
        var options = Options()
        options.normalizeNewlines = mapping.bool("normalize_newlines") ?? options.normalizeNewlines
        options.trimLeadingSpaces = mapping.bool("trim_leading_spaces") ?? options.trimLeadingSpaces
        options.trimTrailingSpaces = mapping.bool("trim_trailing_spaces") ?? options.trimTrailingSpaces
        options.collapseSpaces = mapping.bool("collapse_spaces") ?? options.collapseSpaces
        options.trim = mapping.bool("trim") ?? options.trim
        if let value = mapping.value("max_blank_lines") {
            if value.bool == false || value.isNull {
                options.maxBlankLines = nil
            } else {
                options.maxBlankLines = mapping.int("max_blank_lines", range: 0...1000)
            }
        }
        let fields = mapping.strings("fields")?.map(\.0) ?? ["text"]
        return WhitespaceStage(id: definition.id, fields: fields, options: options, mark: definition.node.mark)
    }
}
