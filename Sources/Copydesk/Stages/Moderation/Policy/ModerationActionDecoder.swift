/// Reads `action:`, `redact:`, `mask:` and `tag:` from a stage or policy-rule mapping, and the
/// severities and fractions the moderation configs share.
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

    /// A number from 0 to 1 under `key` (a weight, threshold or confidence), nil when absent or wrong.
    static func fraction(_ mapping: ConfigMapping, _ key: String, context: ConfigContext) -> Double? {
        guard let value = mapping.value(key) else { return nil }
        guard let number = value.double, (0...1).contains(number) else {
            context.error("expected a number from 0 to 1 for \"\(key)\", found \(value.kindDescription)", at: value.mark)
            return nil
        }
        return number
    }
}
