/// The top-level `policy:` block of a pipeline: which action each moderation finding gets.
///
/// Rules are tried in order and the first whose conditions all hold wins; a finding no rule
/// matches gets its stage's own `action:` (default `flag`).
public struct ModerationPolicy: Sendable {
    /// One `policy:` entry. A nil condition matches anything.
    public struct Rule: Sendable {
        /// Stage ids or kinds (`lexicon`, `pii`, `clickbait`).
        public var stages: [String]?
        public var categories: [String]?
        public var types: [String]?
        public var minSeverity: Severity?
        public var minConfidence: Double?
        public var action: ModerationAction
        public var mark: SourceMark?
        /// Where each name of `stages` and `categories` is written, to report one that no stage knows.
        var stageMarks: [SourceMark?] = []
        var categoryMarks: [SourceMark?] = []

        public init(
            stages: [String]? = nil, categories: [String]? = nil, types: [String]? = nil,
            minSeverity: Severity? = nil, minConfidence: Double? = nil, action: ModerationAction, mark: SourceMark? = nil
        ) {
            self.stages = stages
            self.categories = categories
            self.types = types
            self.minSeverity = minSeverity
            self.minConfidence = minConfidence
            self.action = action
            self.mark = mark
        }

        func matches(_ finding: ModerationFinding, stageID: String, stageKind: String) -> Bool {
            if let stages, !stages.contains(stageID) && !stages.contains(stageKind) { return false }
            if let categories, !categories.contains(finding.category) { return false }
            if let types, !types.contains(finding.type) { return false }
            if let minSeverity, finding.severity < minSeverity { return false }
            if let minConfidence, finding.confidence < minConfidence { return false }
            return true
        }
    }

    public var rules: [Rule]

    public init(rules: [Rule] = []) {
        self.rules = rules
    }

    /// The action for `finding`: the first matching rule's, else `fallback`.
    ///
    /// Clickbait cannot be redacted (that would delete the title): a `redact` rule is passed
    /// over for a clickbait finding, which gets the next matching rule's action.
    public func action(for finding: ModerationFinding, stageID: String, stageKind: String, fallback: ModerationAction) -> ModerationAction {
        let redactable = stageKind != "clickbait"
        return rules.first { rule in
            if !redactable, case .redact = rule.action { return false }
            return rule.matches(finding, stageID: stageID, stageKind: stageKind)
        }?.action ?? fallback
    }
}
