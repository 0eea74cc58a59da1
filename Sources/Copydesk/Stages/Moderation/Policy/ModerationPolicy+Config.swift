extension ModerationPolicy {
    static let ruleKeys = ["stage", "category", "type", "min_severity", "min_confidence"] + ModerationActionDecoder.keys

    /// Reads the top-level `policy:` list. Reports problems; rules with errors are left out.
    public static func decode(_ node: YAMLNode, context: ConfigContext) -> ModerationPolicy {
        guard let items = node.sequence else {
            context.error("expected a list of rules for \"policy\", found \(node.kindDescription)", at: node.mark)
            return ModerationPolicy()
        }
        var rules: [Rule] = []
        for item in items {
            guard let mapping = ConfigMapping(item, allowedKeys: ruleKeys, what: "a policy rule", context: context) else { continue }
            let errorsBefore = context.diagnostics.count
            guard let action = ModerationActionDecoder.decode(mapping, required: true, context: context) else { continue }
            var rule = Rule(action: action, mark: item.mark)
            if let stages = mapping.strings("stage") {
                rule.stages = stages.map(\.0)
                rule.stageMarks = stages.map(\.1)
            }
            if let categories = mapping.strings("category") {
                rule.categories = categories.map(\.0)
                rule.categoryMarks = categories.map(\.1)
            }
            rule.types = mapping.strings("type")?.map(\.0)
            for (type, mark) in mapping.strings("type") ?? [] where !knownTypes.contains(type) {
                context.error(unknownNameMessage("type", type, among: knownTypes), at: mark)
            }
            if let severity = mapping.string("min_severity") {
                rule.minSeverity = ModerationActionDecoder.severity(severity, at: mapping.mark(of: "min_severity"), context: context)
            }
            if let confidence = ModerationActionDecoder.fraction(mapping, "min_confidence", context: context) {
                rule.minConfidence = confidence
            }
            let onlyClickbait = [rule.stages, rule.categories, rule.types].contains { $0?.allSatisfy { $0 == "clickbait" } == true }
            if case .redact = action, onlyClickbait {
                context.error("clickbait findings cannot be redacted (use flag, tag or drop)", at: mapping.mark(of: "action"))
            }
            if context.diagnostics.count == errorsBefore || !context.diagnostics[errorsBefore...].contains(where: { $0.severity == .error }) {
                rules.append(rule)
            }
        }
        return ModerationPolicy(rules: rules)
    }

    /// Reports each `stage:` or `category:` name of the policy that no stage of the pipeline
    /// reports: a typo would otherwise make its rule silently never match.
    public func validate(against stages: [any Stage], context: ConfigContext) {
        let moderation = stages.filter { Self.stageKinds.contains($0.kind) }
        let stageNames = Self.stageKinds + moderation.map(\.id).filter { !Self.stageKinds.contains($0) }
        var categories = ["pii", "clickbait"]
        for case let lexicon as LexiconStage in stages {
            for entry in lexicon.matcher.entries where !categories.contains(entry.category) { categories.append(entry.category) }
        }
        for rule in rules {
            for (name, mark) in zip(rule.stages ?? [], rule.stageMarks) where !stageNames.contains(name) {
                context.error(unknownNameMessage("moderation stage", name, in: "a policy rule", among: stageNames), at: mark ?? rule.mark)
            }
            for (name, mark) in zip(rule.categories ?? [], rule.categoryMarks) where !categories.contains(name) {
                context.error(unknownNameMessage("category", name, in: "a policy rule", among: categories), at: mark ?? rule.mark)
            }
        }
    }

    /// The kinds of moderation stages, which a policy rule's `stage:` may name.
    static let stageKinds = ["lexicon", "pii", "clickbait"]

    /// Every detection type a moderation stage reports.
    static let knownTypes = PIIType.allCases.map(\.rawValue) + ["lexicon", "clickbait"]
}
