/// An open-addressing table of 64-bit keys (hashes of lines, words or n-grams) with a count and the
/// position of the first occurrence of each. Equal hashes are taken as equal strings.
struct HashCounter {
    struct Slot {
        var key: UInt64
        var count: Int32
        var first: Int32
    }

    private(set) var slots: [Slot]
    private var mask: Int

    /// A table for up to `expected` distinct keys.
    init(expected: Int) {
        var capacity = 16
        while capacity < expected * 2 { capacity *= 2 }
        slots = [Slot](repeating: Slot(key: 0, count: 0, first: 0), count: capacity)
        mask = capacity - 1
    }

    /// Empties the table, keeping it at least big enough for `expected` keys.
    mutating func reset(expected: Int) {
        if slots.count < expected * 2 {
            self = HashCounter(expected: expected)
        } else {
            slots.withUnsafeMutableBufferPointer { buffer in
                for i in buffer.indices { buffer[i].key = 0 }
            }
        }
    }

    /// Counts `key`; returns its count after this occurrence and its slot.
    @discardableResult
    @inline(__always)
    mutating func add(_ key: UInt64, position: Int) -> (count: Int32, slot: Int) {
        let stored = key == 0 ? 1 : key
        let mask = mask
        return slots.withUnsafeMutableBufferPointer { buffer in
            var slot = Int(truncatingIfNeeded: Self.mix(stored)) & mask
            while true {
                let existing = buffer[slot].key
                if existing == stored {
                    buffer[slot].count += 1
                    return (buffer[slot].count, slot)
                }
                if existing == 0 {
                    buffer[slot] = Slot(key: stored, count: 1, first: Int32(truncatingIfNeeded: position))
                    return (1, slot)
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The count of the key in `slot` (as returned by `add`).
    func count(atSlot slot: Int) -> Int32 {
        slots[slot].count
    }

    /// The count of the key counted most often; among equals, the one seen first (as
    /// `collections.Counter.most_common(1)` picks). Returns its first position and count.
    func mostCommon() -> (position: Int, count: Int)? {
        var best: (position: Int, count: Int)?
        for slot in slots where slot.key != 0 {
            let count = Int(slot.count), position = Int(slot.first)
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
