/// One threshold check of a signal set, named by datatrove's reason string.
public struct QualityCheck: Sendable, Equatable {
    /// How a value passes.
    public enum Rule: Sendable, Equatable {
        /// Passes when value <= limit.
        case atMost(Double)
        /// Passes when value >= limit.
        case atLeast(Double)
        /// Passes when the value is 0 (a 0/1 signal such as "contains lorem ipsum").
        case absent
    }

    public var name: String
    public var set: QualitySet
    public var value: Double
    public var rule: Rule
    /// False when the check does not apply (skipped for non-Latin text).
    public var applies: Bool

    public var passed: Bool {
        guard applies else { return true }
        switch rule {
        case .atMost(let limit): return !(value > limit)
        case .atLeast(let limit): return !(value < limit)
        case .absent: return value == 0
        }
    }
}

/// The quality stage's findings for one document: `copydesk.quality` in the output.
public struct QualityReport: Sendable, Equatable {
    /// Signal values by name, in a fixed order (see README "The quality stage").
    public var signals: [(name: String, value: Double)] = []
    public var checks: [QualityCheck] = []
    /// 0...1; see `QualityScore`.
    public var score: Double = 1
    /// Names of failed checks, set by set, in datatrove's order within a set.
    public var failed: [String] = []
    /// `keep`, or the action taken (`flag`, `drop`, `tag`).
    public var decision: String = "keep"
    /// `latin` or `other` (see `NonLatinSettings`).
    public var script: String = "latin"
    /// The language guessed for Latin-script text that is not English (`de`, `fr`, `es`, `pt`, `it`,
    /// `nl`); nil otherwise. Guessed only when an English-only check failed.
    public var language: String?

    public init() {}

    /// The value of signal `name`, if computed.
    public func signal(_ name: String) -> Double? {
        signals.first { $0.name == name }?.value
    }

    mutating func add(_ name: String, _ value: Double) {
        signals.append((name, value))
    }

    mutating func check(_ name: String, _ set: QualitySet, _ value: Double, _ rule: QualityCheck.Rule) {
        checks.append(QualityCheck(name: name, set: set, value: value, rule: rule, applies: true))
    }

    public static func == (lhs: QualityReport, rhs: QualityReport) -> Bool {
        lhs.signals.elementsEqual(rhs.signals) { $0.name == $1.name && $0.value == $1.value }
            && lhs.checks == rhs.checks && lhs.score == rhs.score && lhs.failed == rhs.failed
            && lhs.decision == rhs.decision && lhs.script == rhs.script && lhs.language == rhs.language
    }
}
