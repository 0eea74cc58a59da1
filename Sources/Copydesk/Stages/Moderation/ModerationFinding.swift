/// A detection before the policy has chosen its action: what a detector reports.
public struct ModerationFinding: Sendable {
    public var type: String
    public var category: String
    public var severity: Severity
    /// The list entry, detector or feature, with where it is defined (for `--explain`).
    public var source: TraceSource
    public var field: String
    /// Bytes of the field's current text.
    public var range: Range<Int>
    public var confidence: Double

    public init(type: String, category: String, severity: Severity, source: TraceSource, field: String, range: Range<Int>, confidence: Double) {
        self.type = type
        self.category = category
        self.severity = severity
        self.source = source
        self.field = field
        self.range = range
        self.confidence = confidence
    }

    /// The rule id reported in `reasons` and `moderation`.
    public var rule: String { source.rule ?? source.stage }

    /// What `[REDACTED:…]` and default tags name: the PII type, else the category.
    var label: String { type == "lexicon" || type == "clickbait" ? category : type }
}
