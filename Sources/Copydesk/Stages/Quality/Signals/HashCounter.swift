/// An open-addressing table of 64-bit keys (hashes of lines, words or n-grams) with a count and the
/// position of the first occurrence of each. Equal hashes are taken as equal strings.
struct HashCounter {
    private(set) var keys: [UInt64]
    private(set) var counts: [Int32]
    private(set) var firsts: [Int32]
    private var mask: Int

    /// A table for up to `expected` distinct keys.
    init(expected: Int) {
        var capacity = 16
        while capacity < expected * 2 { capacity *= 2 }
        keys = [UInt64](repeating: 0, count: capacity)
        counts = [Int32](repeating: 0, count: capacity)
        firsts = [Int32](repeating: 0, count: capacity)
        mask = capacity - 1
    }

    /// Empties the table, keeping it at least big enough for `expected` keys.
    mutating func reset(expected: Int) {
        if keys.count < expected * 2 {
            self = HashCounter(expected: expected)
        } else {
            for i in keys.indices { keys[i] = 0 }
        }
    }

    /// Counts `key`; returns its count after this occurrence.
    @discardableResult
    mutating func add(_ key: UInt64, position: Int) -> Int32 {
        let stored = key == 0 ? 1 : key
        var slot = Int(truncatingIfNeeded: Self.mix(stored)) & mask
        while true {
            let existing = keys[slot]
            if existing == stored {
                counts[slot] += 1
                return counts[slot]
            }
            if existing == 0 {
                keys[slot] = stored
                counts[slot] = 1
                firsts[slot] = Int32(truncatingIfNeeded: position)
                return 1
            }
            slot = (slot + 1) & mask
        }
    }

    /// The count of the key counted most often; among equals, the one seen first (as
    /// `collections.Counter.most_common(1)` picks). Returns its first position and count.
    func mostCommon() -> (position: Int, count: Int)? {
        var best: (position: Int, count: Int)?
        for slot in keys.indices where keys[slot] != 0 {
            let count = Int(counts[slot]), position = Int(firsts[slot])
            if let current = best, count < current.count || (count == current.count && position > current.position) { continue }
            best = (position, count)
        }
        return best
    }

    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &* 0xBF58_476D_1CE4_E5B9
        z ^= z >> 31
        return z
    }
}
