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

    /// The stage and rule that recorded the event.
    public let source: TraceSource
    public var field: String
    /// The span of the match in UTF-8 bytes of the field's input value.
    public var range: Range<Int>
    public var effect: Effect
    /// The field's value when the rule matched, shared rather than copied, and the match in it.
    let matchedIn: [UInt8]
    let matchRange: Range<Int>

    /// An event from a source that is built once and shared by every event it records (the fast
    /// path for stages). `matchedIn[matchRange]` is the matched text; the array is kept, not copied.
    public init(source: TraceSource, field: String, range: Range<Int>, matchedIn: [UInt8], matchRange: Range<Int>, effect: Effect) {
        self.source = source
        self.field = field
        self.range = range
        self.matchedIn = matchedIn
        self.matchRange = matchRange
        self.effect = effect
    }

    public init(stage: String, rule: String?, mark: SourceMark?, field: String, range: Range<Int>, text: [UInt8], effect: Effect) {
        self.init(
            source: TraceSource(stage: stage, rule: rule, mark: mark), field: field, range: range,
            matchedIn: text, matchRange: text.indices, effect: effect)
    }

    /// The matched text (empty for a stage-level event).
    public var text: [UInt8] { Array(matchedIn[matchRange]) }

    /// The id of the stage that recorded the event.
    public var stage: String { source.stage }
    /// The id of the rule that fired; nil for a stage-level event.
    public var rule: String? { source.rule }
    /// Where the rule (or, for a stage-level event, the stage) is defined.
    public var mark: SourceMark? { source.mark }

    public static func == (lhs: TraceEvent, rhs: TraceEvent) -> Bool {
        lhs.source == rhs.source && lhs.field == rhs.field && lhs.range == rhs.range
            && lhs.matchedIn[lhs.matchRange].elementsEqual(rhs.matchedIn[rhs.matchRange]) && lhs.effect == rhs.effect
    }

    /// The action's name (`strip`, `replace`, `extract`, `tag`, `flag`, `drop`, `whitespace`).
    public var action: String { effect.name }
}

extension Document {
    /// The span of each `trace` event in Unicode code points of its field's input value, in `trace` order.
    public var traceCodePointRanges: [Range<Int>] {
        var converter = FieldCodePoints(.input)
        return trace.map { converter.codePoints($0.range, in: $0.field, of: self) }
    }
}
