/// Borrowed, bounds-check-free view of a `ByteTrie` used while scanning.
struct TrieView {
    let nodes: UnsafeBufferPointer<UInt64>
    let root: UnsafeBufferPointer<UInt32>
    let terminalBits: UnsafeBufferPointer<UInt64>
    let terminalRank: UnsafeBufferPointer<UInt32>
    let outputStart: UnsafeBufferPointer<UInt32>
    let outputs: UnsafeBufferPointer<UInt64>
    let exactStart: UnsafeBufferPointer<UInt32>
    let exactBytes: UnsafeBufferPointer<UInt8>

    /// The child of `node` along `byte`, or `nil`.
    @inline(__always)
    func child(_ node: UInt32, _ byte: UInt8) -> UInt32? {
        if node == 0 {
            let next = root[Int(byte)]
            return next == 0 ? nil : next
        }
        let record = nodes[Int(node)]
        var lo = NodeRecord.firstChild(record)
        var hi = lo + NodeRecord.childCount(record)
        while hi - lo > 8 {
            let mid = (lo + hi) >> 1
            if NodeRecord.label(nodes[mid]) < byte { lo = mid + 1 } else { hi = mid + 1 }
        }
        while lo < hi {
            let label = NodeRecord.label(nodes[lo])
            if label == byte { return UInt32(lo) }
            if label > byte { return nil }
            lo += 1
        }
        return nil
    }

    @inline(__always)
    func isTerminal(_ node: UInt32) -> Bool { NodeRecord.isTerminal(nodes[Int(node)]) }

    /// Output indices of a terminal node (empty if not terminal).
    @inline(__always)
    func outputRange(of node: UInt32) -> Range<Int> {
        let block = Int(node >> 6)
        let bit: UInt64 = 1 << UInt64(node & 63)
        let word = terminalBits[block]
        guard word & bit != 0 else { return 0..<0 }
        let ordinal = Int(terminalRank[block]) + (word & (bit &- 1)).nonzeroBitCount
        return Int(outputStart[ordinal])..<Int(outputStart[ordinal + 1])
    }

    /// Bytes of exact form `index`.
    func exactRange(_ index: Int) -> Range<Int> {
        Int(exactStart[index])..<Int(exactStart[index + 1])
    }
}
