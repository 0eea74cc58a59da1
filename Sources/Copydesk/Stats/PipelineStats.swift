/// Counters for one rule over a run.
public struct RuleStats: Sendable, Equatable {
    /// Matches found (for strip and replace, every match; for the other actions, firings).
    public var hits = 0
    /// Documents on which the rule fired at least once.
    public var documentsHit = 0
    /// UTF-8 bytes the rule removed.
    public var bytesRemoved = 0
    /// Time spent matching and applying the rule.
    public var nanoseconds: UInt64 = 0
    /// Matches that failed on a PCRE2 limit (match, heap, depth or JIT stack).
    public var limitErrors = 0
    /// Other match errors.
    public var otherErrors = 0

    public init() {}

    mutating func add(_ other: RuleStats) {
        hits += other.hits
        documentsHit += other.documentsHit
        bytesRemoved += other.bytesRemoved
        nanoseconds += other.nanoseconds
        limitErrors += other.limitErrors
        otherErrors += other.otherErrors
    }
}

/// Counters for one stage over a run.
public struct StageStats: Sendable, Equatable {
    public var kind = ""
    public var nanoseconds: UInt64 = 0
    /// Documents the stage changed in any way (text, meta, tags, flags or decision).
    public var documentsChanged = 0

    public init() {}

    mutating func add(_ other: StageStats) {
        if kind.isEmpty { kind = other.kind }
        nanoseconds += other.nanoseconds
        documentsChanged += other.documentsChanged
    }
}

/// Per-stage and per-rule counters, in pipeline order. Each worker keeps its own; the runner
/// adds them up at the end.
public struct PipelineStats: Sendable, Equatable {
    public private(set) var stageOrder: [String] = []
    public private(set) var stages: [String: StageStats] = [:]
    public private(set) var ruleOrder: [String] = []
    public private(set) var rules: [String: RuleStats] = [:]

    public init() {}

    /// Empty counters for every stage and rule of a pipeline, so that idle ones are listed too.
    public init(for pipeline: Pipeline) {
        for stage in pipeline.stages {
            var counters = StageStats()
            counters.kind = stage.kind
            stageOrder.append(stage.id)
            stages[stage.id] = counters
            for rule in stage.ruleIDs where rules[rule] == nil {
                ruleOrder.append(rule)
                rules[rule] = RuleStats()
            }
        }
    }

    /// Adds `counters` to the stage `id`, listing it if it is new.
    public mutating func recordStage(_ id: String, _ counters: StageStats) {
        if stages[id] == nil { stageOrder.append(id) }
        stages[id, default: StageStats()].add(counters)
    }

    public mutating func recordRule(_ id: String, _ update: (inout RuleStats) -> Void) {
        if rules[id] == nil {
            ruleOrder.append(id)
            rules[id] = RuleStats()
        }
        update(&rules[id]!)
    }

    public mutating func add(_ other: PipelineStats) {
        for id in other.stageOrder {
            recordStage(id, other.stages[id] ?? StageStats())
        }
        for id in other.ruleOrder {
            if rules[id] == nil { ruleOrder.append(id) }
            rules[id, default: RuleStats()].add(other.rules[id] ?? RuleStats())
        }
    }

    /// Rules whose match time is far above the rest: over 4× the median rule and over 10% of all rule time.
    public var slowRules: [String] {
        let times = ruleOrder.map { rules[$0]?.nanoseconds ?? 0 }
        guard times.count >= 3 else { return [] }
        let sorted = times.sorted()
        let median = sorted[sorted.count / 2]
        let total = times.reduce(0, +)
        guard total > 0 else { return [] }
        return ruleOrder.filter { id in
            let time = rules[id]?.nanoseconds ?? 0
            return time > 4 * max(median, 1) && time * 10 > total
        }
    }
}
