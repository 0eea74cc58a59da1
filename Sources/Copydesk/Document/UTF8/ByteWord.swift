/// Eight bytes read as one little-endian `UInt64`, for scanning text a word at a time.
///
/// Each mask has the high bit set in every byte lane that matched. Lanes above the
/// lowest true match may be false positives (a borrow travels upwards), but the lowest
/// set bit always marks a real match, so `firstLane` is exact.
enum ByteWord {
    static let lanes: UInt64 = 0x0101_0101_0101_0101
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Loads 8 bytes at `offset`; the caller guarantees `offset + 8 <= count`.
    @inline(__always)
    static func load(_ base: UnsafePointer<UInt8>, at offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
    }

    /// Lanes equal to `byte`.
    @inline(__always)
    static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (lanes &* UInt64(byte))
        return (x &- lanes) & ~x & highBits
    }

    /// Lanes below 0x20 (JSON control characters).
    @inline(__always)
    static func control(_ word: UInt64) -> UInt64 {
        (word &- lanes &* 0x20) & ~word & highBits
    }

    /// Lanes that a JSON string scanner must stop at: '"', '\', control characters and non-ASCII.
    @inline(__always)
    static func stringSpecial(_ word: UInt64) -> UInt64 {
        (equal(word, UInt8(ascii: "\"")) | equal(word, UInt8(ascii: "\\")) | control(word) | word) & highBits
    }

    /// Lanes holding a UTF-8 continuation byte (0b10xx_xxxx); exact in every lane.
    @inline(__always)
    static func continuation(_ word: UInt64) -> UInt64 {
        word & (~word << 1) & highBits
    }

    /// How many lanes are set in a mask whose lanes are all exact (such as `continuation`).
    /// A multiply instead of `nonzeroBitCount`, which is a long bit-twiddling sequence on
    /// x86-64 builds that cannot assume the POPCNT instruction.
    @inline(__always)
    static func laneCount(_ exactMask: UInt64) -> Int {
        Int(truncatingIfNeeded: ((exactMask &>> 7) &* lanes) &>> 56)
    }

    /// Index (0...7) of the lowest lane whose high bit is set in a non-zero mask.
    @inline(__always)
    static func firstLane(_ mask: UInt64) -> Int {
        mask.trailingZeroBitCount &>> 3
    }
}
