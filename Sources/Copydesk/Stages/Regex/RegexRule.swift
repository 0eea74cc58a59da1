/// One compiled rule of a `regex` stage.
public struct RegexRule: Sendable {
    public var id: String
    public var description: String?
    /// Fields the rule reads and changes, in order.
    public var fields: [String]
    public var pattern: Pattern
    public var action: RuleAction
    /// Guards that must all hold for the rule to apply.
    public var guards: [RuleGuard]
    public var examples: [RuleExample]
    /// Where the rule is defined (its mapping in the YAML).
    public var mark: SourceMark
    /// Where its `pattern:` value is.
    public var patternMark: SourceMark
}

/// What a rule does with its matches.
public enum RuleAction: Sendable {
    /// Remove every match and tidy the seam.
    case strip
    /// Replace every match with the expanded template.
    case replace(ReplacementTemplate)
    /// Copy named groups (or templates) of the first match into meta; optionally strip it.
    case extract(meta: [(key: String, template: ReplacementTemplate)], strip: Bool)
    /// Add tags when the pattern matches.
    case tag([String])
    /// Add a moderation flag when the pattern matches.
    case flag(category: String, severity: String)
    /// Drop the document when the pattern matches.
    case drop(reason: String)

    public var name: String {
        switch self {
        case .strip: "strip"
        case .replace: "replace"
        case .extract: "extract"
        case .tag: "tag"
        case .flag: "flag"
        case .drop: "drop"
        }
    }

    public static let names = ["strip", "replace", "extract", "tag", "flag", "drop"]
}

/// `when:` guard: the rule applies only if `field` matches (or, negated, does not match).
public struct RuleGuard: Sendable {
    public var field: String
    public var pattern: Pattern
    public var negate: Bool
}

/// One `examples:` entry of a rule.
public struct RuleExample: Sendable {
    public enum Expectation: Sendable {
        case output(String)
        case matches(Bool)
    }

    public var input: String
    /// Other fields of the example document (for `when:` guards).
    public var otherFields: [String: String]
    public var expectation: Expectation
    public var mark: SourceMark
}
