/// Mutable state owned by one worker thread and handed to every stage it runs.
///
/// Never shared between threads: each worker makes its own.
public final class WorkerContext {
    /// PCRE2 match data, match context and JIT stack for this worker.
    public var regex: MatchScratch
    /// Whether edits should keep provenance, so removals can be reported in input offsets.
    public let tracksOrigins: Bool
    /// Per-stage and per-rule counters; nil unless the run collects statistics.
    public var stats: PipelineStats?

    public init(limits: MatchLimits = MatchLimits(), tracksOrigins: Bool = false, stats: PipelineStats? = nil) {
        self.regex = MatchScratch(limits: limits)
        self.tracksOrigins = tracksOrigins
        self.stats = stats
    }
}
