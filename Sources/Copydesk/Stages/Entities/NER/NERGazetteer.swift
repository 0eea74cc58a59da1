/// A set of known entity names, stored only as hashes of their lowercased token sequences.
///
/// Each entry's flags hold the labels it was seen with (bits 0–3, `EntityLabel` order) and
/// bit 4 when the sequence is a proper prefix of a longer entry, so matching can stop early.
struct NERGazetteer: Sendable {
    /// Longest name, in tokens, that is stored and matched.
    static let maxEntryTokens = 8
    static let prefixFlag: UInt8 = 0x10
    static let seed = NERHash.hash(ascii: "<gazetteer>")

    /// Entries sorted by key: the form written to model files.
    let keys: [UInt64]
    let flags: [UInt8]
    private let tableKeys: [UInt64]
    private let tableFlags: [UInt8]
    private let mask: Int

    /// Builds the lookup table; `keys` must be sorted and distinct, and never 0.
    init(sortedKeys keys: [UInt64], flags: [UInt8]) {
        self.keys = keys
        self.flags = flags
        var capacity = 16
        while capacity < keys.count * 2 { capacity <<= 1 }
        var tableKeys = [UInt64](repeating: 0, count: capacity)
        var tableFlags = [UInt8](repeating: 0, count: capacity)
        let mask = capacity - 1
        for (key, flag) in zip(keys, flags) {
            var slot = Int(truncatingIfNeeded: key) & mask
            while tableKeys[slot] != 0 { slot = (slot + 1) & mask }
            tableKeys[slot] = key
            tableFlags[slot] = flag
        }
        self.tableKeys = tableKeys
        self.tableFlags = tableFlags
        self.mask = mask
    }

    /// An empty gazetteer.
    static let empty = NERGazetteer(sortedKeys: [], flags: [])

    /// Flags of the entry with this key, or 0.
    @inline(__always)
    func lookup(_ key: UInt64) -> UInt8 {
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let stored = tableKeys[slot]
            if stored == key { return tableFlags[slot] }
            if stored == 0 { return 0 }
            slot = (slot + 1) & mask
        }
    }

    /// Extends a sequence hash by one token's lowercase hash; never returns 0.
    @inline(__always)
    static func extend(_ hash: UInt64, with token: UInt64) -> UInt64 {
        let h = NERHash.combine(hash, token)
        return h == 0 ? 1 : h
    }
}
