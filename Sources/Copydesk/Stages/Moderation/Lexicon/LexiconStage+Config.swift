extension LexiconStage {
    static let stageKeys = ["stage", "id", "fields", "lists", "categories", "min_severity"] + ModerationActionDecoder.keys
    static let listKeys = ["description", "source", "licence", "category", "severity", "words", "allow", "examples"]
    static let wordKeys = ["term", "id", "severity", "exact", "name"]
    /// `lists: builtin` (the default) is the lists compiled into copydesk.
    static let builtinLists = "builtin"
    static let builtinGlob = "moderation/lexicon/*.yaml"

    /// Registry factory.
    @Sendable
    public static func make(_ definition: StageDefinition, context: ConfigContext) -> (any Stage)? {
        guard let mapping = ConfigMapping(definition.node, allowedKeys: stageKeys, what: "lexicon stage \"\(definition.id)\"", context: context) else {
            return nil
        }
        let errorsBefore = context.diagnostics.count
        let fields = mapping.strings("fields")?.map(\.0) ?? ["title", "text"]
        var list = LexiconList(stage: definition.id)
        let entries = mapping.strings("lists") ?? [(builtinLists, mapping.node.mark)]
        for (entry, mark) in entries {
            if entry == builtinLists {
                let embedded = ConfigContext(fileSystem: EmbeddedRules.fileSystem)
                for path in embedded.resolveInclude(builtinGlob, from: EmbeddedRules.root + "/pipeline.yaml", at: mark) {
                    list.load(path, requestedAt: mark, context: embedded)
                }
                embedded.diagnostics.forEach(context.report)
                continue
            }
            for path in context.resolveInclude(entry, from: definition.file, at: mark) {
                list.load(path, requestedAt: mark, context: context)
            }
        }
        if let categories = mapping.strings("categories")?.map(\.0) {
            list.entries.removeAll { !categories.contains($0.category) }
        }
        if let name = mapping.string("min_severity"),
           let minimum = ModerationActionDecoder.severity(name, at: mapping.mark(of: "min_severity"), context: context) {
            list.entries.removeAll { $0.severity < minimum }
        }
        let action = ModerationActionDecoder.decode(mapping, required: false, context: context) ?? .flag
        let matcher = LexiconMatcher(entries: list.entries, allowTerms: list.allow) { first, duplicate in
            let kept = list.entries[first], again = list.entries[duplicate]
            context.warning(
                "\"\(again.term)\" is listed twice (first at \(kept.source.mark.map { "\($0)" } ?? "?")); the first entry is used",
                at: again.source.mark)
        }
        let failed = context.diagnostics[errorsBefore...].contains { $0.severity == .error }
        guard !failed else { return nil }
        let recorder = ModerationRecorder(stageID: definition.id, stageKind: "lexicon", policy: context.moderationPolicy, fallback: action)
        return LexiconStage(id: definition.id, fields: fields, matcher: matcher, recorder: recorder, examples: list.examples)
    }
}

/// The entries, allow-list and examples read from lexicon list files.
struct LexiconList {
    let stage: String
    var entries: [LexiconEntry] = []
    var allow: [[UInt8]] = []
    var examples: [ModerationExample] = []

    init(stage: String) {
        self.stage = stage
    }

    mutating func load(_ path: String, requestedAt mark: SourceMark, context: ConfigContext) {
        guard let root = context.loadYAML(path, requestedAt: mark),
              let file = ConfigMapping(root, allowedKeys: LexiconStage.listKeys, what: "lexicon list \(path)", context: context),
              let category = file.string("category", required: true) else { return }
        var severity = Severity.medium
        if let name = file.string("severity"), let given = ModerationActionDecoder.severity(name, at: file.mark(of: "severity"), context: context) {
            severity = given
        }
        for item in file.list("words", required: true) ?? [] {
            if let entry = decodeWord(item, category: category, severity: severity, context: context) { entries.append(entry) }
        }
        for (term, termMark) in file.strings("allow") ?? [] {
            guard let normalized = LexiconEntry.normalize(term) else {
                context.error("expected a word or phrase of letters in \"allow\", found \(YAMLNode.quoted(term, limit: 40))", at: termMark)
                continue
            }
            allow.append(normalized)
        }
        examples += ModerationExample.decode(file, what: category, context: context)
    }

    private func decodeWord(_ node: YAMLNode, category: String, severity: Severity, context: ConfigContext) -> LexiconEntry? {
        var term: String?
        var id: String?
        var entrySeverity = severity
        var exact = false
        var name = false
        if node.mapping == nil {
            guard let string = node.string, node.sequence == nil else {
                context.error("expected a word or a mapping with \"term\", found \(node.kindDescription)", at: node.mark)
                return nil
            }
            term = string
        } else {
            guard let word = ConfigMapping(node, allowedKeys: LexiconStage.wordKeys, what: "a lexicon word", context: context) else { return nil }
            term = word.string("term", required: true)
            id = word.string("id")
            if let level = word.string("severity") {
                guard let given = ModerationActionDecoder.severity(level, at: word.mark(of: "severity"), context: context) else { return nil }
                entrySeverity = given
            }
            exact = word.bool("exact") ?? false
            name = word.bool("name") ?? false
        }
        guard let term else { return nil }
        guard let normalized = LexiconEntry.normalize(term) else {
            context.error("expected a word or phrase of letters, found \(YAMLNode.quoted(term, limit: 40)) (list the plain word; obfuscations are matched)", at: node.mark)
            return nil
        }
        let rule = id ?? "\(category):\(String(decoding: normalized, as: UTF8.self))"
        return LexiconEntry(
            id: rule, term: term, category: category, severity: entrySeverity, exact: exact, name: name,
            source: TraceSource(stage: stage, rule: rule, mark: node.mark))
    }
}
