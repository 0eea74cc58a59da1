/// One compiled rule of a `regex` stage. Immutable, and a class so that running it on every
/// document passes one reference rather than copying every field.
public final class RegexRule: Sendable {
    public let id: String
    public let description: String?
    /// Fields the rule reads and changes, in order.
    public let fields: [String]
    public let pattern: Pattern
    public let action: RuleAction
    /// Guards that must all hold for the rule to apply.
    public let guards: [RuleGuard]
    public let examples: [RuleExample]
    /// Where the rule is defined (its mapping in the YAML).
    public let mark: SourceMark
    /// Where its `pattern:` value is.
    public let patternMark: SourceMark

    public init(
        id: String, description: String?, fields: [String], pattern: Pattern, action: RuleAction,
        guards: [RuleGuard], examples: [RuleExample], mark: SourceMark, patternMark: SourceMark
    ) {
        self.id = id
        self.description = description
        self.fields = fields
        self.pattern = pattern
        self.action = action
        self.guards = guards
        self.examples = examples
        self.mark = mark
        self.patternMark = patternMark
    }
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
