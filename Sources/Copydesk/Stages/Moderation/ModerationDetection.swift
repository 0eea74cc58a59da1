/// One thing a moderation stage found in a field, and what was done about it.
///
/// `range` is in UTF-8 bytes of the field's current text: a later redaction shifts it, so it
/// always points into the output. No matched text is kept here, so redacted text is never written.
public struct ModerationDetection: Sendable, Equatable {
    /// The id of the stage that found it.
    public var stage: String
    /// `email`, `phone`, `card`, `aadhaar`, `pan`, `ipv4`, `ipv6`, `pin`, `lexicon` or `clickbait`.
    public var type: String
    /// The lexicon category (`profanity`, `sexual`, …), `pii`, or `clickbait`.
    public var category: String
    public var severity: Severity
    /// The id of the list entry, detector or feature that fired.
    public var rule: String
    public var field: String
    public var range: Range<Int>
    /// How sure the detector is, 0…1.
    public var confidence: Double
    /// The action taken: `flag`, `redact`, `tag` or `drop`.
    public var action: String

    public init(
        stage: String, type: String, category: String, severity: Severity, rule: String, field: String,
        range: Range<Int>, confidence: Double, action: String
    ) {
        self.stage = stage
        self.type = type
        self.category = category
        self.severity = severity
        self.rule = rule
        self.field = field
        self.range = range
        self.confidence = confidence
        self.action = action
    }
}
