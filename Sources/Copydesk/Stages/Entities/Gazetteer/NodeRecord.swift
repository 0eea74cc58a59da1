/// Layout of a trie node packed in a `UInt64`:
/// bits 0–31 first child id, bits 32–40 child count (0…256),
/// bit 41 terminal flag, bits 48–55 label (the byte on the edge into it).
enum NodeRecord {
    @inline(__always)
    static func make(label: UInt8) -> UInt64 { UInt64(label) << 48 }

    @inline(__always)
    static func withChildren(_ record: UInt64, first: UInt32, count: Int, terminal: Bool) -> UInt64 {
        record | UInt64(first) | UInt64(count) << 32 | (terminal ? 1 << 41 : 0)
    }

    @inline(__always)
    static func firstChild(_ record: UInt64) -> Int { Int(record & 0xFFFF_FFFF) }

    @inline(__always)
    static func childCount(_ record: UInt64) -> Int { Int((record >> 32) & 0x1FF) }

    @inline(__always)
    static func isTerminal(_ record: UInt64) -> Bool { record & (1 << 41) != 0 }

    @inline(__always)
    static func label(_ record: UInt64) -> UInt8 { UInt8(truncatingIfNeeded: record >> 48) }
}
