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

/// The clickbait score of a document: 0…1, with each feature's contribution.
public struct ClickbaitScore: Sendable, Equatable {
    public var score: Double
    /// Feature id and its contribution (weight × strength), in feature order; only features that fired.
    public var features: [(id: String, value: Double)]

    public init(score: Double, features: [(id: String, value: Double)]) {
        self.score = score
        self.features = features
    }

    public static func == (lhs: ClickbaitScore, rhs: ClickbaitScore) -> Bool {
        lhs.score == rhs.score && lhs.features.elementsEqual(rhs.features) { $0.id == $1.id && $0.value == $1.value }
    }
}
