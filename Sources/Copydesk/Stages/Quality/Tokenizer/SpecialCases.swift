/// spaCy's tokenizer exceptions ("don't" → "do" "n't", "U.S." stays whole): strings with a fixed split.
///
/// An open-addressing table keyed by the exception's bytes, so a chunk of the text is looked up
/// without making a String.
struct SpecialCases: Sendable {
    /// Every exception's bytes, back to back.
    private let bytes: [UInt8]
    /// Per entry: where its bytes start and end in `bytes`, and where its token lengths are in `pieces`.
    private let entries: [(start: Int32, end: Int32, pieceStart: Int32, pieceEnd: Int32)]
    /// Token byte lengths of all entries, back to back.
    let pieces: [UInt8]
    /// Slots of entry index + 1 (0 = empty); the count is a power of two.
    private let slots: [Int32]
    /// The longest exception in bytes; longer chunks are not looked up.
    let maximumLength: Int
    /// Bits set for the (first byte, last byte, length) of every exception: most keys that are not
    /// exceptions are turned away here without hashing.
    private let filter: [UInt64]

    /// The English table.
    static let english = SpecialCases(source: englishSource)

    /// Parses lines of `string<TAB>length,length,...`.
    init(source: String) {
        var bytes: [UInt8] = []
        var entries: [(start: Int32, end: Int32, pieceStart: Int32, pieceEnd: Int32)] = []
        var pieces: [UInt8] = []
        var longest = 0
        for line in source.split(separator: "\n", omittingEmptySubsequences: true) {
            guard let tab = line.lastIndex(of: "\t") else { continue }
            let key = Array(line[..<tab].utf8)
            let lengths = line[line.index(after: tab)...].split(separator: ",").compactMap { UInt8($0) }
            guard !key.isEmpty, lengths.reduce(0, { $0 + Int($1) }) == key.count else { continue }
            let start = Int32(bytes.count)
            bytes += key
            let pieceStart = Int32(pieces.count)
            pieces += lengths
            entries.append((start, Int32(bytes.count), pieceStart, Int32(pieces.count)))
            longest = max(longest, key.count)
        }
        var capacity = 16
        while capacity < entries.count * 4 { capacity *= 2 }
        var slots = [Int32](repeating: 0, count: capacity)
        bytes.withUnsafeBufferPointer { all in
            for (index, entry) in entries.enumerated() {
                let key = UnsafeBufferPointer(rebasing: all[Int(entry.start)..<Int(entry.end)])
                var slot = Self.hash(key) & (capacity - 1)
                while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
                slots[slot] = Int32(index + 1)
            }
        }
        self.bytes = bytes
        self.entries = entries
        self.pieces = pieces
        self.slots = slots
        self.maximumLength = longest
        var filter = [UInt64](repeating: 0, count: 1024)
        for entry in entries {
            let bit = Self.filterBit(first: bytes[Int(entry.start)], last: bytes[Int(entry.end) - 1], length: Int(entry.end - entry.start))
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        self.filter = filter
    }

    @inline(__always)
    private static func filterBit(first: UInt8, last: UInt8, length: Int) -> Int {
        (Int(first) &* 31 &+ Int(last) &* 131 &+ length &* 7919) & 0xFFFF
    }

    /// The range in `pieces` of the token lengths for `key`, or nil when it is not an exception.
    func lookup(_ key: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        guard key.count <= maximumLength, !key.isEmpty else { return nil }
        let bit = Self.filterBit(first: key[0], last: key[key.count - 1], length: key.count)
        guard filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return nil }
        let mask = slots.count - 1
        var slot = Self.hash(key) & mask
        while true {
            let stored = Int(slots[slot])
            if stored == 0 { return nil }
            let entry = entries[stored - 1]
            if Int(entry.end - entry.start) == key.count {
                let same = bytes.withUnsafeBufferPointer { all in
                    memcmpEqual(UnsafeBufferPointer(rebasing: all[Int(entry.start)..<Int(entry.end)]), key)
                }
                if same { return Int(entry.pieceStart)..<Int(entry.pieceEnd) }
            }
            slot = (slot + 1) & mask
        }
    }

    /// Every exception's bytes and the range of its token lengths in `pieces`.
    var allEntries: [(key: [UInt8], pieces: Range<Int>)] {
        entries.map { (Array(bytes[Int($0.start)..<Int($0.end)]), Int($0.pieceStart)..<Int($0.pieceEnd)) }
    }

    /// FNV-1a over the bytes.
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key {
            h = (h ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }
}

/// Whether two byte buffers hold the same bytes.
@inline(__always)
func memcmpEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    for i in 0..<a.count where a[i] != b[i] { return false }
    return true
}
