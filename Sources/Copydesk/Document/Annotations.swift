/// What the pipeline decided to do with a document.
public enum Decision: String, Sendable, Comparable {
    case keep, flag, drop

    public static func < (lhs: Decision, rhs: Decision) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .keep: 0
        case .flag: 1
        case .drop: 2
        }
    }
}

/// A moderation flag raised by a rule.
public struct ModerationFlag: Sendable, Equatable {
    public var rule: String
    public var category: String
    public var severity: String

    public init(rule: String, category: String, severity: String) {
        self.rule = rule
        self.category = category
        self.severity = severity
    }
}

/// A failure of one stage or rule on one document; the document went on without that change.
public struct StageError: Sendable, Equatable {
    public var stage: String
    public var rule: String?
    public var message: String

    public init(stage: String, rule: String? = nil, message: String) {
        self.stage = stage
        self.rule = rule
        self.message = message
    }
}

/// Text removed by a rule, in UTF-8 byte offsets into the input value of `field`.
public struct RemovedSpan: Sendable, Equatable {
    public var field: String
    public var range: Range<Int>
    /// The rule, with its pre-encoded JSON.
    let source: TraceSource
    /// The field's value when the rule matched, shared rather than copied, and the match in it.
    let matchedIn: [UInt8]
    let matchRange: Range<Int>

    public init(rule: String, field: String, range: Range<Int>, text: [UInt8]) {
        self.init(source: TraceSource(stage: "", rule: rule, mark: nil), field: field, range: range, matchedIn: text, matchRange: text.indices)
    }

    init(source: TraceSource, field: String, range: Range<Int>, matchedIn: [UInt8], matchRange: Range<Int>) {
        self.source = source
        self.field = field
        self.range = range
        self.matchedIn = matchedIn
        self.matchRange = matchRange
    }

    /// The id of the rule that removed the text.
    public var rule: String { source.rule ?? "" }
    /// The removed text.
    public var text: [UInt8] { Array(matchedIn[matchRange]) }

    public static func == (lhs: RemovedSpan, rhs: RemovedSpan) -> Bool {
        lhs.rule == rhs.rule && lhs.field == rhs.field && lhs.range == rhs.range
            && lhs.matchedIn[lhs.matchRange].elementsEqual(rhs.matchedIn[rhs.matchRange])
    }
}

/// Document metadata: string values under ordered keys.
public struct Meta: Sendable, Equatable {
    public private(set) var entries: [(key: String, value: String)] = []

    public init() {}

    public subscript(key: String) -> String? {
        entries.first { $0.key == key }?.value
    }

    /// Sets `key` unless it is already set (first writer wins) or `overwrite` is true.
    public mutating func set(_ key: String, _ value: String, overwrite: Bool = false) {
        if let index = entries.firstIndex(where: { $0.key == key }) {
            if overwrite { entries[index].value = value }
        } else {
            entries.append((key, value))
        }
    }

    public var isEmpty: Bool { entries.isEmpty }

    public static func == (lhs: Meta, rhs: Meta) -> Bool {
        lhs.entries.elementsEqual(rhs.entries) { $0.key == $1.key && $0.value == $1.value }
    }
}
