/// Mutable state owned by one worker thread and handed to every stage it runs.
///
/// Never shared between threads: each worker makes its own. That is why its hot properties
/// opt out of run-time exclusivity checks, which cost more than the counting they guard.
public final class WorkerContext {
    /// PCRE2 match data, match context and JIT stack for this worker.
    @exclusivity(unchecked) public var regex: MatchScratch
    /// Buffers for the statistical NER model.
    @exclusivity(unchecked) public var ner = NERScratch()
    /// Whether edits should keep provenance, so removals can be reported in input offsets.
    public let tracksOrigins: Bool
    /// Whether this worker counts per-stage and per-rule statistics.
    public let collectsStats: Bool
    /// Totals folded from `counters`, by stage and rule id.
    var collected = PipelineStats()
    /// This worker's counters for the pipeline it is running now.
    @exclusivity(unchecked) var counters = WorkerCounters()
    /// The position of the stage being run, for its counters.
    @exclusivity(unchecked) public internal(set) var stageIndex = 0

    /// Per-stage and per-rule totals so far; nil unless the run collects statistics.
    public var stats: PipelineStats? {
        guard collectsStats else { return nil }
        counters.flush(into: &collected)
        return collected
    }

    /// Updates the counters of rule number `index` of the stage being run.
    public func countRule(_ index: Int, _ update: (inout RuleStats) -> Void) {
        counters.updateRule(stage: stageIndex, rule: index, update)
    }

    public init(limits: MatchLimits = MatchLimits(), tracksOrigins: Bool = false, stats: PipelineStats? = nil) {
        self.regex = MatchScratch(limits: limits)
        self.tracksOrigins = tracksOrigins
        self.collectsStats = stats != nil
        self.collected = stats ?? PipelineStats()
    }
}
