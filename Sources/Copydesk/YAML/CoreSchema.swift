/// The YAML 1.2 core schema's rules for reading null, booleans, integers and floats from plain text.
///
/// libyaml leaves every scalar as text; these rules give it a type. Underscores are not allowed.
enum CoreSchema {
    /// The core tags that give a scalar a type, in their shortened `!!` form.
    enum Tag: String {
        case null = "!!null"
        case bool = "!!bool"
        case int = "!!int"
        case float = "!!float"
    }

    static func isNull(_ text: String) -> Bool {
        switch text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    static func bool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// `[-+]?[0-9]+`, `0o[0-7]+` or `0x[0-9a-fA-F]+`.
    static func int(_ text: String) -> Int? {
        let utf8 = Array(text.utf8)
        if utf8.count > 2, utf8[0] == UInt8(ascii: "0") {
            let digits = String(decoding: utf8[2...], as: UTF8.self)
            switch utf8[1] {
            case UInt8(ascii: "x"):
                return utf8[2...].allSatisfy(isHexDigit) ? Int(digits, radix: 16) : nil
            case UInt8(ascii: "o"):
                return utf8[2...].allSatisfy(isOctalDigit) ? Int(digits, radix: 8) : nil
            default:
                break
            }
        }
        return isDecimalInteger(utf8[...]) ? Int(text) : nil
    }

    /// Any integer form, `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, `[-+]?\.inf` or `.nan` (three spellings each).
    static func double(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        if let value = int(text) {
            return Double(value)
        }
        return isDecimalFloat(Array(text.utf8)) ? Double(text) : nil
    }

    private static func isDecimalInteger(_ utf8: ArraySlice<UInt8>) -> Bool {
        var digits = utf8
        if let first = digits.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            digits = digits.dropFirst()
        }
        return !digits.isEmpty && digits.allSatisfy(isDecimalDigit)
    }

    private static func isDecimalFloat(_ utf8: [UInt8]) -> Bool {
        var index = 0
        func skipDigits() -> Int {
            let start = index
            while index < utf8.count, isDecimalDigit(utf8[index]) { index += 1 }
            return index - start
        }
        if index < utf8.count, utf8[index] == UInt8(ascii: "-") || utf8[index] == UInt8(ascii: "+") {
            index += 1
        }
        var mantissaDigits = skipDigits()
        if index < utf8.count, utf8[index] == UInt8(ascii: ".") {
            index += 1
            let fractionDigits = skipDigits()
            // `.5` needs fraction digits; `5.` does not.
            if mantissaDigits == 0 && fractionDigits == 0 { return false }
            mantissaDigits += fractionDigits
        }
        guard mantissaDigits > 0 else { return false }
        if index < utf8.count, utf8[index] == UInt8(ascii: "e") || utf8[index] == UInt8(ascii: "E") {
            index += 1
            if index < utf8.count, utf8[index] == UInt8(ascii: "-") || utf8[index] == UInt8(ascii: "+") {
                index += 1
            }
            guard skipDigits() > 0 else { return false }
        }
        return index == utf8.count
    }

    private static func isDecimalDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isOctalDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "7")
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDecimalDigit(byte)
            || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
    }
}
