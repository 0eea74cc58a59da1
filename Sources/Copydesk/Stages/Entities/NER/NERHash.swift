/// Deterministic 64-bit hashing for feature keys and gazetteer entries.
///
/// Swift's `Hasher` is seeded per process, so everything that ends up in a model file
/// is hashed here instead: FNV-1a steps over Unicode scalar values, finished with the
/// MurmurHash3 64-bit mixer.
enum NERHash {
    static let offset: UInt64 = 0xCBF2_9CE4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// One FNV-1a step over a 32-bit value (a Unicode scalar or a small code).
    @inline(__always)
    static func step(_ hash: UInt64, _ value: UInt32) -> UInt64 {
        (hash ^ UInt64(value)) &* prime
    }

    /// The MurmurHash3 finaliser: spreads every input bit over the whole word.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x &*= 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x &*= 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }

    /// Order-sensitive combination of two hashes.
    @inline(__always)
    static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 {
        mix(a &* 0x9E37_79B9_7F4A_7C15 &+ b &+ 0x632B_E59B_D9B4_E019)
    }

    /// Hash of a short ASCII string, for constants such as padding words.
    static func hash(ascii text: StaticString) -> UInt64 {
        var h = offset
        text.withUTF8Buffer { bytes in
            for byte in bytes { h = step(h, UInt32(byte)) }
        }
        return mix(h)
    }

    /// FNV-1a over raw bytes, for whole-file checksums.
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h = offset
        for byte in bytes { h = (h ^ UInt64(byte)) &* prime }
        return h
    }
}
