/// Resource limits applied to every match made with one `MatchScratch`.
///
/// They keep a catastrophic pattern or a hostile document from stalling a run:
/// the match fails with a `MatchError` instead. `depthLimit` and `heapLimitKiB`
/// apply to the interpreter only; JIT-compiled patterns are bounded by
/// `matchLimit` and `jitStackBytes`.
public struct MatchLimits: Sendable, Hashable {
    /// PCRE2 match limit: how many times the internal match function may be called.
    public var matchLimit: UInt32
    /// PCRE2 heap limit in KiB for backtracking memory (interpreter only).
    public var heapLimitKiB: UInt32
    /// PCRE2 depth limit: maximum backtracking depth (interpreter only).
    public var depthLimit: UInt32
    /// Maximum size of the JIT stack in bytes.
    public var jitStackBytes: Int

    public init(
        matchLimit: UInt32 = 10_000_000,
        heapLimitKiB: UInt32 = 20_000,
        depthLimit: UInt32 = 100_000,
        jitStackBytes: Int = 1 << 20
    ) {
        self.matchLimit = matchLimit
        self.heapLimitKiB = heapLimitKiB
        self.depthLimit = depthLimit
        self.jitStackBytes = jitStackBytes
    }
}
