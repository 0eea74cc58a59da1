/// One thing a stage did to a document: a rule that fired, or a stage-level pass that changed a field.
///
/// Recorded in `Document.trace` only when `Document.tracksOrigins` is on. `range` is in UTF-8
/// bytes of the field's **input** value (see `Document.originalRange(of:in:)`); writers turn it
/// into code points with `Document.traceCodePointRanges`.
public struct TraceEvent: Sendable, Equatable {
    /// What the rule or stage did.
    public enum Effect: Sendable, Equatable {
        /// The match was removed.
        case strip
        /// The match was replaced by these bytes.
        case replace(replacement: [UInt8])
        /// The match set these meta entries (keys that were already set are not listed);
        /// `stripped` when the match was also removed.
        case extract(meta: Meta, stripped: Bool)
        /// The rule added these tags.
        case tag([String])
        /// The rule raised a moderation flag.
        case flag(category: String, severity: String)
        /// The rule dropped the document.
        case drop(reason: String)
        /// A whitespace pass made this many edits to the field.
        case whitespace(edits: Int)
        /// Any other action, named (for plugin stages).
        case other(action: String)

        /// The action's name, as in the config (`strip`, `replace`, …).
        public var name: String {
            switch self {
            case .strip: "strip"
            case .replace: "replace"
            case .extract: "extract"
            case .tag: "tag"
            case .flag: "flag"
            case .drop: "drop"
            case .whitespace: "whitespace"
            case .other(let action): action
            }
        }
    }

    /// The id of the stage that recorded the event.
    public var stage: String
    /// The id of the rule that fired; nil for a stage-level event.
    public var rule: String?
    /// Where the rule (or, for a stage-level event, the stage) is defined.
    public var mark: SourceMark?
    public var field: String
    /// The span of the match in UTF-8 bytes of the field's input value.
    public var range: Range<Int>
    /// The matched text (empty for a stage-level event).
    public var text: [UInt8]
    public var effect: Effect

    public init(stage: String, rule: String?, mark: SourceMark?, field: String, range: Range<Int>, text: [UInt8], effect: Effect) {
        self.stage = stage
        self.rule = rule
        self.mark = mark
        self.field = field
        self.range = range
        self.text = text
        self.effect = effect
    }

    /// The action's name (`strip`, `replace`, `extract`, `tag`, `flag`, `drop`, `whitespace`).
    public var action: String { effect.name }
}

extension Document {
    /// The span of each `trace` event in Unicode code points of its field's input value, in `trace` order.
    public var traceCodePointRanges: [Range<Int>] {
        var result = trace.map(\.range)
        let byField = Dictionary(grouping: trace.indices, by: { trace[$0].field })
        for (field, indices) in byField {
            guard let original = originalField(field) else { continue }
            let converted = UTF8Text.codePointRanges(indices.map { trace[$0].range }, in: original)
            for (index, range) in zip(indices, converted) { result[index] = range }
        }
        return result
    }
}
