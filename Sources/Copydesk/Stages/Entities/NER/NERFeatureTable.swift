/// Open-addressing map from feature key to weight rows, one row per model stage, built
/// once when a model loads.
///
/// A slot packs a 32-bit fingerprint (the key's high half) with the key's row in each
/// stage, so one memory access serves both stages; the slot index comes from the key's
/// low bits. Two different keys would have to agree on both to be confused, which at the
/// sizes involved (under a million keys) is vanishingly unlikely.
struct NERFeatureTable: Sendable {
    private struct Slot {
        var fingerprint: UInt32
        var first: Int32
        var second: Int32
        var unused: Int32
    }

    private let slots: [Slot]
    private let mask: Int
    /// Per stage, the row returned for keys without weights (an all-zero row).
    let missingRows: [Int32]

    /// Builds the table for one or two stages; `stageKeys[s][row]` is the key of stage
    /// `s`'s weight row `row`. Unknown keys map to row `stageKeys[s].count`.
    init(stageKeys: [[UInt64]]) {
        let missing = stageKeys.map { Int32($0.count) } + [0]
        var merged: [UInt64: (Int32, Int32)] = [:]
        for (stage, keys) in stageKeys.prefix(2).enumerated() {
            for (row, key) in keys.enumerated() {
                var entry = merged[key] ?? (missing[0], missing.count > 2 ? missing[1] : 0)
                if stage == 0 { entry.0 = Int32(row) } else { entry.1 = Int32(row) }
                merged[key] = entry
            }
        }
        var capacity = 16
        while capacity < merged.count * 2 { capacity <<= 1 }
        var slots = [Slot](repeating: Slot(fingerprint: 0, first: 0, second: 0, unused: 0), count: capacity)
        let mask = capacity - 1
        // Insert in key order so the layout does not depend on dictionary order.
        for key in merged.keys.sorted() {
            guard let rows = merged[key] else { continue }
            var slot = Int(truncatingIfNeeded: key) & mask
            while slots[slot].fingerprint != 0 { slot = (slot + 1) & mask }
            slots[slot] = Slot(fingerprint: Self.fingerprint(key), first: rows.0, second: rows.1, unused: 0)
        }
        self.slots = slots
        self.mask = mask
        self.missingRows = Array(missing.prefix(stageKeys.count))
    }

    @inline(__always)
    private static func fingerprint(_ key: UInt64) -> UInt32 {
        let high = UInt32(truncatingIfNeeded: key >> 32)
        return high == 0 ? 1 : high
    }

    /// Looks up every key, writing its first-stage row to `first` and, if given, its
    /// second-stage row to `second` (both at least as long as `keys`). The first probe of
    /// every key is issued before any is inspected, so the memory accesses overlap.
    func rows(
        of keys: UnsafeBufferPointer<UInt64>,
        first: UnsafeMutableBufferPointer<Int32>,
        second: UnsafeMutableBufferPointer<Int32>?
    ) {
        let missingFirst = missingRows[0]
        let missingSecond = missingRows.count > 1 ? missingRows[1] : 0
        slots.withUnsafeBufferPointer { slots in
            for index in keys.indices {
                // First pass: park the first probed slot's fingerprint in `first`.
                first[index] = Int32(bitPattern: slots[Int(truncatingIfNeeded: keys[index]) & mask].fingerprint)
            }
            for index in keys.indices {
                let key = keys[index]
                let wanted = Self.fingerprint(key)
                var slot = Int(truncatingIfNeeded: key) & mask
                var stored = UInt32(bitPattern: first[index])
                var found = Slot(fingerprint: 0, first: missingFirst, second: missingSecond, unused: 0)
                while stored != 0 {
                    if stored == wanted {
                        found = slots[slot]
                        break
                    }
                    slot = (slot + 1) & mask
                    stored = slots[slot].fingerprint
                }
                first[index] = found.first
                second?[index] = found.second
            }
        }
    }
}
