/// A byte trie over normalised (case-folded) surface forms, stored in flat
/// arrays.
///
/// Each node is one packed `UInt64` record (see `NodeRecord`); node 0 is
/// the root. The children of a node are consecutive records sorted by label,
/// and blocks are allocated depth-first, so a chain of single children is
/// contiguous in memory. Terminal nodes carry outputs: packed
/// `entry | (exact form + 1) << 32` values ordered by entry index, where
/// exact form 0 means "case-insensitive".
struct ByteTrie: Sendable {
    var nodes: [UInt64] = [0]
    /// Direct child table of the root, 0 = no child.
    var rootChildren = [UInt32](repeating: 0, count: 256)
    /// One bit per node: terminal.
    var terminalBits: [UInt64] = [0]
    /// Number of terminal nodes before each 64-node block (rank directory),
    /// so a terminal's ordinal is `terminalRank[b] + popcount(bits below)`.
    var terminalRank: [UInt32] = [0]
    /// Output ranges of the terminal nodes, by ordinal (count + 1 elements).
    var outputStart: [UInt32] = [0]
    var outputs: [UInt64] = []
    /// Exact (unfolded) normalised bytes of case-sensitive forms.
    var exactStart: [UInt32] = [0]
    var exactBytes: [UInt8] = []

    /// Number of nodes, root included.
    var nodeCount: Int { nodes.count }

    /// Gives a borrowed view of the arrays for the duration of `body`.
    func withView<R>(_ body: (TrieView) -> R) -> R {
        nodes.withUnsafeBufferPointer { nodes in
        rootChildren.withUnsafeBufferPointer { root in
        terminalBits.withUnsafeBufferPointer { bits in
        terminalRank.withUnsafeBufferPointer { rank in
        outputStart.withUnsafeBufferPointer { outputStart in
        outputs.withUnsafeBufferPointer { outputs in
        exactStart.withUnsafeBufferPointer { exactStart in
        exactBytes.withUnsafeBufferPointer { exactBytes in
            body(TrieView(
                nodes: nodes, root: root, terminalBits: bits, terminalRank: rank,
                outputStart: outputStart, outputs: outputs,
                exactStart: exactStart, exactBytes: exactBytes))
        } } } } } } } }
    }
}
