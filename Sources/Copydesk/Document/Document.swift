/// One article flowing through the pipeline.
///
/// Text fields are UTF-8 bytes. Stages read and change them through `field(_:)` and
/// `apply(_:to:)`; everything a stage learns about the article goes into `meta`, `tags`,
/// `flags`, `decision` and `errors`, which the writer emits as the `copydesk` object.
public struct Document: Sendable {
    /// 0-based position of the document in the input stream.
    public var sequence: Int
    /// 1-based input line the document came from (1 for plain text).
    public var line: Int
    /// Current values of the document's string fields, by name.
    public private(set) var fields: [String: [UInt8]]
    /// Names of the fields that some stage changed, in the order they first changed.
    public private(set) var changedFields: [String] = []
    /// How many times a field was edited; lets callers tell whether a step changed the text.
    public private(set) var editCount = 0
    /// Where each byte of a changed field came from; kept only when `tracksOrigins` is on.
    var origins = FieldMap<FieldOrigin>()
    /// Whether edits keep byte-level provenance so removals can be reported in input offsets.
    /// This is the explain switch: stages record `trace` events only when it is on.
    public var tracksOrigins: Bool

    public var meta = Meta()
    public var tags: [String] = []
    public var flags: [ModerationFlag] = []
    public var errors: [StageError] = []
    public var removed: [RemovedSpan] = []
    /// Every rule that fired and every stage-level change, in order; recorded only when `tracksOrigins` is on.
    public var trace: [TraceEvent] = []
    /// Entities found by an `entities` stage, in field and text order; nil when no such stage ran.
    public var entities: [Entity]?
    /// Signals, score and failed checks from a `quality` stage; nil when no such stage ran.
    public var quality: QualityReport?
    public var decision: Decision = .keep
    /// Why the document was dropped, when `decision == .drop`.
    public var dropReason: String?
    /// Set by `reject(stage:reason:)` or `fail(stage:reason:)`: the document goes to `--rejects`.
    public internal(set) var settlement: Settlement?
    /// The id of each rule that flagged, dropped, tagged or redacted something, in order, once each.
    public var reasons: [String] = []
    /// What moderation stages found, in the order found; nil when no moderation stage ran.
    public var moderation: [ModerationDetection]?
    /// The score of a `clickbait` stage; nil when none ran.
    public var clickbait: ClickbaitScore?

    public init(sequence: Int = 0, line: Int = 1, fields: [String: [UInt8]], tracksOrigins: Bool = false) {
        self.sequence = sequence
        self.line = line
        self.fields = fields
        self.tracksOrigins = tracksOrigins
    }

    /// The current bytes of a field, or nil when the document has no such string field.
    public func field(_ name: String) -> [UInt8]? {
        fields[name]
    }

    /// The current value of a field as a String (for tests and small fields).
    public func string(_ name: String) -> String? {
        fields[name].map { String(decoding: $0, as: UTF8.self) }
    }

    /// Replaces a field wholesale. Provenance for it is reset to "all new".
    public mutating func setField(_ name: String, to bytes: [UInt8]) {
        markChanged(name)
        if tracksOrigins, let old = fields[name] {
            origins.update(name, orMake: { FieldOrigin(original: old) }) { $0.replaceAll(newLength: bytes.count) }
        }
        fields[name] = bytes
    }

    /// Applies sorted, non-overlapping edits to a field in one pass.
    public mutating func apply(_ edits: [TextEdit], to name: String) {
        guard !edits.isEmpty, let old = fields[name] else { return }
        var out: [UInt8] = []
        out.reserveCapacity(old.count)
        var cursor = 0
        for edit in edits {
            precondition(edit.range.lowerBound >= cursor && edit.range.upperBound <= old.count, "edits must be sorted and in bounds")
            out.append(contentsOf: old[cursor..<edit.range.lowerBound])
            out.append(contentsOf: edit.replacement)
            cursor = edit.range.upperBound
        }
        out.append(contentsOf: old[cursor...])
        if tracksOrigins {
            origins.update(name, orMake: { FieldOrigin(original: old) }) { $0.apply(edits, oldLength: old.count) }
        }
        markChanged(name)
        fields[name] = out
    }

    /// Maps a byte range of the current field text to a byte range of the input text.
    /// Exact for text that came from the input; an inserted run maps to where it was inserted.
    public func originalRange(of range: Range<Int>, in name: String) -> Range<Int> {
        guard let origin = origins[name] else { return range }
        return origin.originalRange(of: range)
    }

    /// The field as it was in the input, when provenance is tracked and it changed.
    public func originalField(_ name: String) -> [UInt8]? {
        origins[name]?.original ?? fields[name]
    }

    /// A cheap fingerprint of everything a stage may change, to tell whether it changed anything.
    var changeFingerprint: ChangeFingerprint {
        ChangeFingerprint(
            edits: editCount, meta: meta.entries.count, tags: tags.count, flags: flags.count,
            errors: errors.count, entities: entities?.count ?? 0, decision: decision)
    }

    /// Records that a stage wants the document dropped. The first reason wins; `rule` goes into `reasons`.
    public mutating func drop(reason: String, rule: String? = nil) {
        if let rule { addReason(rule) }
        if decision != .drop {
            decision = .drop
            dropReason = reason
        }
    }

    /// Adds a moderation flag and raises the decision to `flag` unless it is already `drop`.
    public mutating func addFlag(_ flag: ModerationFlag) {
        flags.append(flag)
        addReason(flag.rule)
        if decision == .keep { decision = .flag }
    }

    /// Names a rule in `reasons` unless it is there already.
    public mutating func addReason(_ rule: String) {
        if !reasons.contains(rule) { reasons.append(rule) }
    }

    /// Adds a tag unless the document already has it.
    public mutating func addTag(_ tag: String) {
        if !tags.contains(tag) { tags.append(tag) }
    }

    private mutating func markChanged(_ name: String) {
        editCount += 1
        if !changedFields.contains(name) { changedFields.append(name) }
    }
}

/// Counts of everything a stage may change; two differ when something changed in between.
struct ChangeFingerprint: Equatable {
    var edits = 0
    var meta = 0
    var tags = 0
    var flags = 0
    var errors = 0
    var entities = 0
    var decision = Decision.keep
}
