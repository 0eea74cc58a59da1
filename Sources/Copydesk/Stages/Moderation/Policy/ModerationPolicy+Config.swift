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
            rule.stages = mapping.strings("stage")?.map(\.0)
            rule.categories = mapping.strings("category")?.map(\.0)
            rule.types = mapping.strings("type")?.map(\.0)
            for (type, mark) in mapping.strings("type") ?? [] where !knownTypes.contains(type) {
                context.error(unknownNameMessage("type", type, among: knownTypes), at: mark)
            }
            if let severity = mapping.string("min_severity") {
                rule.minSeverity = ModerationActionDecoder.severity(severity, at: mapping.mark(of: "min_severity"), context: context)
            }
            if let value = mapping.value("min_confidence") {
                if let number = value.double, (0...1).contains(number) {
                    rule.minConfidence = number
                } else {
                    context.error("expected a number from 0 to 1 for \"min_confidence\", found \(value.kindDescription)", at: value.mark)
                }
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

    /// Every detection type a moderation stage reports.
    static let knownTypes = PIIType.allCases.map(\.rawValue) + ["lexicon", "clickbait"]
}
