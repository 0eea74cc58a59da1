internal import CPCRE2

/// Compile options for a `Pattern`. UTF mode is always on and is not an option.
public struct RegexOptions: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32

    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// Letters match both cases (PCRE2_CASELESS, `(?i)`).
    public static let caseless = RegexOptions(rawValue: 1 << 0)
    /// `^` and `$` match at internal newlines too (PCRE2_MULTILINE, `(?m)`).
    public static let multiline = RegexOptions(rawValue: 1 << 1)
    /// `.` matches newlines too (PCRE2_DOTALL, `(?s)`).
    public static let dotall = RegexOptions(rawValue: 1 << 2)
    /// Unescaped whitespace is ignored and `#` starts a comment (PCRE2_EXTENDED, `(?x)`).
    public static let extended = RegexOptions(rawValue: 1 << 3)
    /// `\w`, `\d`, `\b` and POSIX classes use Unicode properties (PCRE2_UCP).
    public static let ucp = RegexOptions(rawValue: 1 << 4)

    /// The PCRE2 compile option bits for these options, without PCRE2_UTF.
    var pcre2CompileOptions: UInt32 {
        var bits: UInt32 = 0
        if contains(.caseless) { bits |= PCRE2_CASELESS }
        if contains(.multiline) { bits |= PCRE2_MULTILINE }
        if contains(.dotall) { bits |= PCRE2_DOTALL }
        if contains(.extended) { bits |= PCRE2_EXTENDED }
        if contains(.ucp) { bits |= PCRE2_UCP }
        return bits
    }
}

extension RegexOptions {
    /// Names usable in YAML `flags:` ("caseless", "multiline", "dotall", "extended", "ucp").
    public static let flagNames: [String] = ["caseless", "multiline", "dotall", "extended", "ucp"]

    /// The option for one YAML flag name, or nil for a name not in `flagNames`.
    public init?(flagName: String) {
        switch flagName {
        case "caseless": self = .caseless
        case "multiline": self = .multiline
        case "dotall": self = .dotall
        case "extended": self = .extended
        case "ucp": self = .ucp
        default: return nil
        }
    }

    /// The YAML flag names of these options, in `flagNames` order.
    public var flagNameList: [String] {
        RegexOptions.flagNames.filter { name in
            RegexOptions(flagName: name).map { contains($0) } ?? false
        }
    }
}
