extension YAMLNode {
    /// What the node is, for "expected X, found Y" messages.
    ///
    /// `a mapping`, `a sequence`, `null`, `the boolean true`, `the number 3`, or
    /// `the string "abc"` (escaped, and shortened when long).
    public var kindDescription: String {
        switch content {
        case .mapping: return "a mapping"
        case .sequence: return "a sequence"
        case .scalar(let scalar):
            if isNull { return "null" }
            if let bool { return "the boolean \(bool)" }
            if int != nil || double != nil { return "the number \(scalar.value)" }
            return "the string \(YAMLNode.quoted(scalar.value))"
        }
    }

    /// `text` in double quotes on one line, escaped, and cut to about `limit` characters.
    static func quoted(_ text: String, limit: Int = 40) -> String {
        var shown = text
        if text.count > limit {
            shown = String(text.prefix(limit - 3)) + "..."
        }
        var escaped = ""
        for scalar in shown.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    escaped += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return "\"" + escaped + "\""
    }
}
