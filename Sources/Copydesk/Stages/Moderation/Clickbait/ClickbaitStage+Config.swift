extension ClickbaitStage {
    static let stageKeys = ["stage", "id", "features", "title_field", "text_field", "teaser_lines", "threshold", "severity"] + ModerationActionDecoder.keys
    static let fileKeys = ["description", "threshold", "features", "examples"]
    static let featureKeys = ["id", "kind", "weight", "phrases", "endings", "nouns", "min_ratio", "min_letters", "examples"]
    static let builtinFeatures = "moderation/clickbait.yaml"

    /// Registry factory.
    @Sendable
    public static func make(_ definition: StageDefinition, context: ConfigContext) -> (any Stage)? {
        guard let mapping = ConfigMapping(definition.node, allowedKeys: stageKeys, what: "clickbait stage \"\(definition.id)\"", context: context) else {
            return nil
        }
        let errorsBefore = context.diagnostics.count
        var fileContext = context
        var root: YAMLNode?
        if let path = mapping.string("features") {
            if let resolved = context.resolveInclude(path, from: definition.file, at: mapping.mark(of: "features")).first {
                root = context.loadYAML(resolved, requestedAt: mapping.mark(of: "features"))
            }
        } else {
            fileContext = ConfigContext(fileSystem: EmbeddedRules.fileSystem)
            root = fileContext.loadYAML(EmbeddedRules.root + "/" + builtinFeatures)
        }
        var features: [ClickbaitFeature] = []
        var examples: [ModerationExample] = []
        var threshold = 0.5
        if let root, let file = ConfigMapping(root, allowedKeys: fileKeys, what: "clickbait feature file", context: fileContext) {
            threshold = ModerationActionDecoder.fraction(file, "threshold", context: fileContext) ?? threshold
            var ids: [String: SourceMark] = [:]
            for node in file.list("features", required: true) ?? [] {
                guard let feature = decodeFeature(node, examples: &examples, context: fileContext) else { continue }
                if let first = ids[feature.id] {
                    fileContext.error("duplicate feature id \"\(feature.id)\" (first defined at \(first))", at: node.mark)
                    continue
                }
                ids[feature.id] = node.mark
                features.append(feature)
            }
            examples += ModerationExample.decode(file, what: "clickbait", context: fileContext)
        }
        if fileContext !== context { fileContext.diagnostics.forEach(context.report) }
        threshold = ModerationActionDecoder.fraction(mapping, "threshold", context: context) ?? threshold
        var severity = Severity.low
        if let name = mapping.string("severity"), let given = ModerationActionDecoder.severity(name, at: mapping.mark(of: "severity"), context: context) {
            severity = given
        }
        let action = ModerationActionDecoder.decode(mapping, required: false, context: context) ?? .flag
        if case .redact = action {
            context.error("clickbait findings cannot be redacted (use flag, tag or drop)", at: mapping.mark(of: "action"))
        }
        let failed = context.diagnostics[errorsBefore...].contains { $0.severity == .error }
        guard !failed else { return nil }
        return ClickbaitStage(
            id: definition.id, features: features, threshold: threshold,
            titleField: mapping.string("title_field") ?? "title", textField: mapping.string("text_field") ?? "text",
            teaserLines: mapping.int("teaser_lines", range: 0...20) ?? 1, severity: severity,
            source: TraceSource(stage: definition.id, rule: "clickbait", mark: definition.node.mark),
            recorder: ModerationRecorder(stageID: definition.id, stageKind: "clickbait", policy: context.moderationPolicy, fallback: action),
            examples: examples)
    }

    private static func decodeFeature(_ node: YAMLNode, examples: inout [ModerationExample], context: ConfigContext) -> ClickbaitFeature? {
        guard let feature = ConfigMapping(node, allowedKeys: featureKeys, what: "a clickbait feature", context: context),
              let id = feature.string("id", required: true), let kindName = feature.string("kind", required: true) else { return nil }
        guard let weight = ModerationActionDecoder.fraction(feature, "weight", context: context) else {
            if !feature.has("weight") { context.error("missing required key \"weight\" in clickbait feature \"\(id)\" (a number from 0 to 1)", at: node.mark) }
            return nil
        }
        func list(_ key: String) -> [String]? {
            guard let items = feature.strings(key, required: true) else { return nil }
            return items.map { $0.0.lowercased() }
        }
        let kind: ClickbaitFeature.Kind
        switch kindName {
        case "phrases":
            guard let phrases = list("phrases") else { return nil }
            kind = .phrases(ClickbaitPhrases(phrases))
        case "trailing":
            guard let endings = list("endings") else { return nil }
            kind = .trailing(endings.map { Array($0.utf8) })
        case "listicle":
            guard let nouns = list("nouns") else { return nil }
            kind = .listicle(Set(nouns.map { Array($0.utf8)[...] }))
        case "caps":
            kind = .caps(
                minRatio: ModerationActionDecoder.fraction(feature, "min_ratio", context: context) ?? 0.5,
                minLetters: feature.int("min_letters", range: 1...20) ?? 5)
        case "punctuation":
            kind = .punctuation
        default:
            context.error(unknownNameMessage("feature kind", kindName, among: ClickbaitFeature.kindNames), at: feature.mark(of: "kind"))
            return nil
        }
        examples += ModerationExample.decode(feature, what: id, context: context)
        return ClickbaitFeature(id: id, weight: weight, kind: kind, mark: node.mark)
    }
}
