/// Dense numbering of the feature keys seen in training.
struct NERFeatureIndex {
    private var ids: [UInt64: Int32] = [:]
    /// `keys[id]` is the key numbered `id`.
    private(set) var keys: [UInt64] = []

    /// Numbers the keys occurring at least `cutoff` times, in order of first occurrence
    /// (so the numbering depends only on the data).
    init(counting occurrences: [UInt64], cutoff: Int) {
        var counts: [UInt64: Int32] = [:]
        for key in occurrences { counts[key, default: 0] += 1 }
        for key in occurrences where ids[key] == nil {
            if Int(counts[key] ?? 0) >= cutoff {
                ids[key] = Int32(keys.count)
                keys.append(key)
            }
        }
    }

    var count: Int { keys.count }

    /// The id of `key`, or -1 if it was not kept.
    func id(_ key: UInt64) -> Int32 { ids[key] ?? -1 }
}
