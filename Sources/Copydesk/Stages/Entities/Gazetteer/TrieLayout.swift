/// Depth-first layout of lexicographically sorted keys into `ByteTrie`
/// node records. A node is a range of sorted keys sharing a prefix; its
/// children are found in one pass over that range and get one consecutive
/// block of ids, allocated when the node is visited, so single-child chains
/// end up contiguous.
struct TrieLayout {
    let bytes: UnsafeBufferPointer<UInt8>
    let offsets: [Int]
    let lengths: [UInt32]
    let outputs: [UInt64]

    private struct Pending {
        var node: UInt32
        var lo: UInt32
        var hi: UInt32
        var depth: UInt32
    }

    private struct Terminal {
        var node: UInt32
        var lo: UInt32
        var hi: UInt32
    }

    /// Fills `trie.nodes`, `rootChildren`, the terminal rank index, `outputStart`
    /// and `outputs`.
    func build(into trie: inout ByteTrie) {
        var nodes: [UInt64] = [0]
        nodes.reserveCapacity(bytes.count + 1)
        var terminals: [Terminal] = []
        var stack = [Pending(node: 0, lo: 0, hi: UInt32(lengths.count), depth: 0)]
        var groups = [Int](repeating: 0, count: 257)
        while let top = stack.popLast() {
            var k = Int(top.lo)
            let hi = Int(top.hi)
            let depth = Int(top.depth)
            // Keys ending here sort first (they are prefixes of the rest),
            // equal keys in entry order.
            while k < hi, Int(lengths[k]) == depth { k += 1 }
            let terminal = k > Int(top.lo)
            if terminal { terminals.append(Terminal(node: top.node, lo: top.lo, hi: UInt32(k))) }
            var groupCount = 0
            while k < hi {
                let byte = bytes[offsets[k] + depth]
                groups[groupCount] = k
                groupCount += 1
                k += 1
                while k < hi, bytes[offsets[k] + depth] == byte { k += 1 }
            }
            let first = nodes.count
            for g in 0..<groupCount {
                nodes.append(NodeRecord.make(label: bytes[offsets[groups[g]] + depth]))
            }
            nodes[Int(top.node)] = NodeRecord.withChildren(
                nodes[Int(top.node)], first: UInt32(first), count: groupCount, terminal: terminal)
            for g in (0..<groupCount).reversed() {
                let end = g + 1 < groupCount ? groups[g + 1] : hi
                stack.append(Pending(node: UInt32(first + g), lo: UInt32(groups[g]),
                                     hi: UInt32(end), depth: UInt32(depth + 1)))
            }
        }
        let root = nodes[0]
        let rootFirst = NodeRecord.firstChild(root)
        for child in rootFirst..<(rootFirst + NodeRecord.childCount(root)) {
            trie.rootChildren[Int(NodeRecord.label(nodes[child]))] = UInt32(child)
        }
        terminals.sort { $0.node < $1.node }
        var bits = [UInt64](repeating: 0, count: nodes.count / 64 + 1)
        trie.outputStart.reserveCapacity(terminals.count + 1)
        trie.outputs.reserveCapacity(outputs.count)
        for terminal in terminals {
            bits[Int(terminal.node >> 6)] |= 1 << UInt64(terminal.node & 63)
            trie.outputs.append(contentsOf: outputs[Int(terminal.lo)..<Int(terminal.hi)])
            trie.outputStart.append(UInt32(trie.outputs.count))
        }
        var rank = [UInt32]()
        rank.reserveCapacity(bits.count)
        var running: UInt32 = 0
        for word in bits {
            rank.append(running)
            running += UInt32(word.nonzeroBitCount)
        }
        trie.terminalBits = bits
        trie.terminalRank = rank
        trie.nodes = nodes
    }
}
