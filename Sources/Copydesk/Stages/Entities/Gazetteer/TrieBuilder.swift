/// Builds a `ByteTrie` from entries: normalises every surface form into one
/// flat byte buffer and sorts the keys; `TrieLayout` then turns the sorted
/// keys into nodes.
struct TrieBuilder {
    /// Cap on total normalised bytes, so offsets and node ids fit in
    /// `UInt32`. Forms past the cap are ignored (far beyond any realistic
    /// gazetteer).
    static let maxTotalBytes = Int(UInt32.max / 2)

    /// One surface form. The first 16 key bytes are kept inline
    /// (big-endian, zero padded) so that most comparisons never touch the
    /// byte buffer.
    private struct Key {
        var high: UInt64
        var low: UInt64
        var offset: UInt32
        var length: UInt32
        /// entry | (exact form + 1) << 32; exact form 0 = case-insensitive.
        var output: UInt64
    }

    private var keyBytes: [UInt8] = []
    private var keys: [Key] = []
    private var exactStart: [UInt32] = [0]
    private var exactBytes: [UInt8] = []

    /// Normalises and records every form of `entries`.
    mutating func add(_ entries: [GazetteerEntry], unicode: UnicodeView) {
        keys.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            add(entry.name, entry: index, caseSensitive: entry.caseSensitive, unicode: unicode)
            for alias in entry.aliases {
                add(alias, entry: index, caseSensitive: entry.caseSensitive, unicode: unicode)
            }
        }
    }

    private mutating func add(_ form: String, entry: Int, caseSensitive: Bool, unicode: UnicodeView) {
        let offset = keyBytes.count
        let length = unicode.normalize(form, fold: true, into: &keyBytes)
        guard length > 0, keyBytes.count <= Self.maxTotalBytes, exactBytes.count <= Self.maxTotalBytes else {
            keyBytes.removeSubrange(offset...)
            return
        }
        var exact: UInt64 = 0
        if caseSensitive {
            _ = unicode.normalize(form, fold: false, into: &exactBytes)
            exact = UInt64(exactStart.count)  // index + 1
            exactStart.append(UInt32(exactBytes.count))
        }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for d in 0..<8 {
            high = high << 8 | (d < length ? UInt64(keyBytes[offset + d]) : 0)
            low = low << 8 | (d + 8 < length ? UInt64(keyBytes[offset + d + 8]) : 0)
        }
        keys.append(Key(high: high, low: low, offset: UInt32(offset), length: UInt32(length),
                        output: UInt64(entry) | exact << 32))
    }

    /// Lexicographic byte order; equal keys in entry order.
    private static func less(_ a: Key, _ b: Key, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if a.high != b.high { return a.high < b.high }
        if a.low != b.low { return a.low < b.low }
        let la = Int(a.length), lb = Int(b.length)
        let oa = Int(a.offset), ob = Int(b.offset)
        var d = 16
        while d < la, d < lb {
            let x = bytes[oa + d], y = bytes[ob + d]
            if x != y { return x < y }
            d += 1
        }
        if la != lb { return la < lb }
        return a.output & 0xFFFF_FFFF < b.output & 0xFFFF_FFFF
    }

    /// Builds the trie (and releases the builder's buffers).
    mutating func build() -> ByteTrie {
        keyBytes.withUnsafeBufferPointer { bytes in
            keys.sort { Self.less($0, $1, bytes) }
        }
        // Lay the keys out in sorted order so each node's range reads forward.
        var offsets = [Int]()
        var lengths = [UInt32]()
        var outputs = [UInt64]()
        offsets.reserveCapacity(keys.count)
        lengths.reserveCapacity(keys.count)
        outputs.reserveCapacity(keys.count)
        let sorted = [UInt8](unsafeUninitializedCapacity: keyBytes.count) { buffer, count in
            keyBytes.withUnsafeBufferPointer { source in
                var write = 0
                for key in keys {
                    let offset = Int(key.offset)
                    let length = Int(key.length)
                    offsets.append(write)
                    lengths.append(key.length)
                    outputs.append(key.output)
                    for d in 0..<length { buffer[write + d] = source[offset + d] }
                    write += length
                }
                count = write
            }
        }
        keys = []
        keyBytes = []
        var trie = ByteTrie()
        trie.exactStart = exactStart
        trie.exactBytes = exactBytes
        sorted.withUnsafeBufferPointer { bytes in
            TrieLayout(bytes: bytes, offsets: offsets, lengths: lengths, outputs: outputs).build(into: &trie)
        }
        return trie
    }
}
