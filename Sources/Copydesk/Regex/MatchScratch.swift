internal import CPCRE2

/// Per-worker match state: match data, match context (limits) and JIT stack, freed together.
///
/// Never shared across threads: each worker makes its own and passes it `inout`
/// to every match. The match data grows when a pattern has more groups than it holds.
public struct MatchScratch: ~Copyable, @unchecked Sendable {
    /// The limits applied to every match made with this scratch.
    public let limits: MatchLimits

    /// nil only if PCRE2 could not allocate; matching then fails with PCRE2_ERROR_NOMEMORY.
    private(set) var matchData: OpaquePointer?
    private(set) var matchContext: OpaquePointer?
    private let jitStack: OpaquePointer?
    /// Number of ovector pairs `matchData` holds.
    private(set) var ovectorPairs: Int

    public init(limits: MatchLimits = .init()) {
        self.limits = limits
        let pairs = 16
        self.ovectorPairs = pairs
        self.matchData = pcre2_match_data_create_8(UInt32(pairs), nil)
        let context = pcre2_match_context_create_8(nil)
        self.matchContext = context
        let maxStack = max(limits.jitStackBytes, 0)
        let stack = maxStack > 0 ? pcre2_jit_stack_create_8(min(32 * 1024, maxStack), maxStack, nil) : nil
        self.jitStack = stack
        if let context {
            pcre2_set_match_limit_8(context, limits.matchLimit)
            pcre2_set_heap_limit_8(context, limits.heapLimitKiB)
            pcre2_set_depth_limit_8(context, limits.depthLimit)
            if let stack {
                pcre2_jit_stack_assign_8(context, nil, UnsafeMutableRawPointer(stack))
            }
        }
    }

    deinit {
        if let matchData { pcre2_match_data_free_8(matchData) }
        if let matchContext { pcre2_match_context_free_8(matchContext) }
        if let jitStack { pcre2_jit_stack_free_8(jitStack) }
    }

    /// Makes sure the match data holds at least `pairs` ovector pairs.
    mutating func reserveOvector(pairs: Int) {
        guard pairs > ovectorPairs || matchData == nil else { return }
        let newPairs = max(pairs, ovectorPairs)
        guard let grown = pcre2_match_data_create_8(UInt32(clamping: newPairs), nil) else { return }
        if let matchData { pcre2_match_data_free_8(matchData) }
        matchData = grown
        ovectorPairs = newPairs
    }
}
