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
            if case .redact = action, rule.stages?.allSatisfy({ $0 == "clickbait" }) == true {
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

/// Reads `action:`, `redact:`, `mask:` and `tag:` from a stage or policy-rule mapping.
enum ModerationActionDecoder {
    static let keys = ["action", "redact", "mask", "tag"]

    static func decode(_ mapping: ConfigMapping, required: Bool, context: ConfigContext) -> ModerationAction? {
        let name = mapping.string("action", required: required)
        let redactStyle = mapping.string("redact")
        let mask = mapping.string("mask")
        let tag = mapping.string("tag")
        guard let name else {
            if !required && (redactStyle != nil || mask != nil || tag != nil) {
                context.error("\"redact\", \"mask\" and \"tag\" need an \"action\"", at: mapping.node.mark)
            }
            return nil
        }
        switch name {
        case "flag", "drop":
            if redactStyle != nil || mask != nil { context.error("\"redact\" and \"mask\" go with \"action: redact\"", at: mapping.mark(of: "action")) }
            return name == "flag" ? .flag : .drop
        case "tag":
            return .tag(tag)
        case "redact":
            let style = redactStyle ?? (mask == nil ? "label" : "mask")
            switch style {
            case "label":
                if mask != nil { context.error("\"mask\" goes with \"redact: mask\"", at: mapping.mark(of: "mask")) }
                return .redact(.label)
            case "mask":
                let character = mask ?? "*"
                if character.count != 1 || character == " " {
                    context.error("expected one visible character for \"mask\", found \(YAMLNode.quoted(character, limit: 20))", at: mapping.mark(of: "mask"))
                    return nil
                }
                return .redact(.mask(character))
            default:
                context.error(unknownNameMessage("redaction style", style, among: ["label", "mask"]), at: mapping.mark(of: "redact"))
                return nil
            }
        default:
            context.error(unknownNameMessage("action", name, among: ModerationAction.names), at: mapping.mark(of: "action"))
            return nil
        }
    }

    static func severity(_ name: String, at mark: SourceMark, context: ConfigContext) -> Severity? {
        guard let severity = Severity(rawValue: name) else {
            context.error(unknownNameMessage("severity", name, among: Severity.allCases.map(\.rawValue)), at: mark)
            return nil
        }
        return severity
    }
}
