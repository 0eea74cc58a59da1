/// One worker's counters for the pipeline it is running, in flat arrays indexed by stage and
/// rule position, so that counting costs no hashing. They are folded into name-keyed
/// `PipelineStats` when the pipeline changes (a reload) and when the totals are read.
struct WorkerCounters {
    private var layout: PipelineIdentity?
    private var stageIDs: [String] = []
    private var ruleIDs: [[String]] = []
    private var stages: [StageStats] = []
    /// Every rule of every stage, stage after stage; stage `i`'s rules start at `ruleStart[i]`.
    private var rules: [RuleStats] = []
    private var ruleStart: [Int] = []

    /// Lays the counters out for `pipeline`, first folding those of another pipeline into `total`.
    mutating func prepare(for pipeline: Pipeline, flushingInto total: inout PipelineStats) {
        guard layout !== pipeline.identity else { return }
        flush(into: &total)
        layout = pipeline.identity
        stageIDs = pipeline.stages.map(\.id)
        ruleIDs = pipeline.stages.map(\.ruleIDs)
        stages = pipeline.stages.map { stage in
            var counters = StageStats()
            counters.kind = stage.kind
            return counters
        }
        ruleStart = []
        var next = 0
        for ids in ruleIDs {
            ruleStart.append(next)
            next += ids.count
        }
        rules = Array(repeating: RuleStats(), count: next)
    }

    mutating func recordStage(_ index: Int, nanoseconds: UInt64, changed: Bool) {
        stages[index].nanoseconds += nanoseconds
        if changed { stages[index].documentsChanged += 1 }
    }

    /// Updates the counters of rule `rule` of stage `stage`, if that slot exists.
    mutating func updateRule(stage: Int, rule: Int, _ update: (inout RuleStats) -> Void) {
        guard stage < ruleStart.count else { return }
        let slot = ruleStart[stage] &+ rule
        let end = stage &+ 1 < ruleStart.count ? ruleStart[stage &+ 1] : rules.count
        guard rule >= 0, slot < end else { return }
        update(&rules[slot])
    }

    /// Adds everything counted so far to `total` and starts again from zero.
    mutating func flush(into total: inout PipelineStats) {
        for (index, id) in stageIDs.enumerated() {
            total.recordStage(id, stages[index])
            for (ruleIndex, ruleID) in ruleIDs[index].enumerated() {
                let counters = rules[ruleStart[index] + ruleIndex]
                total.recordRule(ruleID) { $0.add(counters) }
            }
        }
        for index in stages.indices {
            stages[index].nanoseconds = 0
            stages[index].documentsChanged = 0
        }
        rules = Array(repeating: RuleStats(), count: rules.count)
    }
}
