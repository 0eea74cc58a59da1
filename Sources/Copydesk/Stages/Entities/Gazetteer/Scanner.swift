/// One leftmost-longest scan of a text against a trie.
///
/// Matches can only start where the previous scalar is not a letter or
/// digit, so the scanner walks the text once, scalar by scalar, and at each
/// such token start runs an anchored walk down the trie, folding the text
/// on the fly. The walk stops at the first byte without a transition, so
/// its length is bounded by the longest surface form; the work per text
/// byte does not depend on the number of entries.
struct Scanner {
    let text: UnsafeBufferPointer<UInt8>
    let trie: TrieView
    let unicode: UnicodeView

    /// All matches, by increasing start, non-overlapping.
    func run() -> [GazetteerMatch] {
        var result: [GazetteerMatch] = []
        let n = text.count
        var p = 0
        var previousIsAlnum = false
        while p < n {
            let byte = text[p]
            if byte < 0x80 {
                if !previousIsAlnum, trie.root[Int(unicode.foldLow[Int(byte)] & 0xFF)] != 0,
                   let found = longestMatch(from: p)
                {
                    result.append(GazetteerMatch(range: p..<found.end, entry: found.entry))
                    p = found.end
                    previousIsAlnum = found.lastIsAlnum
                    continue
                }
                previousIsAlnum = unicode.isAlnum(UInt32(byte))
                p += 1
            } else {
                if !previousIsAlnum, let found = longestMatch(from: p) {
                    result.append(GazetteerMatch(range: p..<found.end, entry: found.entry))
                    p = found.end
                    previousIsAlnum = found.lastIsAlnum
                    continue
                }
                let (scalar, length) = UTF8Decoder.decode(text, p)
                previousIsAlnum = unicode.isAlnum(scalar)
                p += length
            }
        }
        return result
    }

    /// The longest accepted form starting at token start `p`, if any.
    private func longestMatch(from p: Int) -> (end: Int, entry: Int, lastIsAlnum: Bool)? {
        var best: (end: Int, entry: Int, lastIsAlnum: Bool)?
        var node: UInt32 = 0
        var q = p
        while q < text.count {
            let (packed, next, scalar) = unicode.unit(text, q, fold: true)
            var bytes = packed
            for _ in 0..<Int(packed >> 56) {
                guard let child = trie.child(node, UInt8(truncatingIfNeeded: bytes)) else { return best }
                node = child
                bytes >>= 8
            }
            q = next
            if trie.isTerminal(node), !unicode.isAlnum(at: q, in: text),
               let entry = acceptedEntry(node, from: p, to: q)
            {
                best = (q, entry, unicode.isAlnum(scalar))
            }
        }
        return best
    }

    /// The lowest-index entry whose form ends at terminal `node` and accepts
    /// `text[p..<q]` (case-sensitive forms are verified byte for byte).
    private func acceptedEntry(_ node: UInt32, from p: Int, to q: Int) -> Int? {
        for k in trie.outputRange(of: node) {
            let output = trie.outputs[k]
            let exact = Int(output >> 32)
            if exact == 0 || exactMatches(exact - 1, from: p, to: q) {
                return Int(output & 0xFFFF_FFFF)
            }
        }
        return nil
    }

    /// Whether the unfolded normalisation of `text[p..<q]` equals exact form `index`.
    private func exactMatches(_ index: Int, from p: Int, to q: Int) -> Bool {
        let form = trie.exactRange(index)
        var j = form.lowerBound
        var i = p
        while i < q {
            let (packed, next, _) = unicode.unit(text, i, fold: false)
            var bytes = packed
            for _ in 0..<Int(packed >> 56) {
                guard j < form.upperBound, trie.exactBytes[j] == UInt8(truncatingIfNeeded: bytes) else {
                    return false
                }
                j += 1
                bytes >>= 8
            }
            i = next
        }
        return j == form.upperBound
    }
}
