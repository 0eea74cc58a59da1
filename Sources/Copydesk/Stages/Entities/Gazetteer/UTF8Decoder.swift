/// Strict UTF-8 decoding of one scalar, safe on arbitrary bytes.
enum UTF8Decoder {
    /// Returned as the scalar of a byte that does not start a valid sequence.
    static let invalid: UInt32 = 0xFFFF_FFFF

    /// Decodes the scalar starting at `i` (which must be `< t.count`).
    /// An invalid or truncated sequence yields `(invalid, 1)`, so callers
    /// always make progress and never read past `t.count`.
    @inline(__always)
    static func decode(_ t: UnsafeBufferPointer<UInt8>, _ i: Int) -> (scalar: UInt32, length: Int) {
        let n = t.count
        let b0 = t[i]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        if b0 < 0xC2 { return (invalid, 1) }
        if b0 < 0xE0 {
            guard i + 1 < n, t[i + 1] & 0xC0 == 0x80 else { return (invalid, 1) }
            return (UInt32(b0 & 0x1F) << 6 | UInt32(t[i + 1] & 0x3F), 2)
        }
        if b0 < 0xF0 {
            guard i + 2 < n else { return (invalid, 1) }
            let b1 = t[i + 1], b2 = t[i + 2]
            let lo: UInt8 = b0 == 0xE0 ? 0xA0 : 0x80
            let hi: UInt8 = b0 == 0xED ? 0x9F : 0xBF
            guard b1 >= lo, b1 <= hi, b2 & 0xC0 == 0x80 else { return (invalid, 1) }
            return (UInt32(b0 & 0x0F) << 12 | UInt32(b1 & 0x3F) << 6 | UInt32(b2 & 0x3F), 3)
        }
        if b0 < 0xF5 {
            guard i + 3 < n else { return (invalid, 1) }
            let b1 = t[i + 1], b2 = t[i + 2], b3 = t[i + 3]
            let lo: UInt8 = b0 == 0xF0 ? 0x90 : 0x80
            let hi: UInt8 = b0 == 0xF4 ? 0x8F : 0xBF
            guard b1 >= lo, b1 <= hi, b2 & 0xC0 == 0x80, b3 & 0xC0 == 0x80 else { return (invalid, 1) }
            let v = UInt32(b0 & 0x07) << 18 | UInt32(b1 & 0x3F) << 12
            return (v | UInt32(b2 & 0x3F) << 6 | UInt32(b3 & 0x3F), 4)
        }
        return (invalid, 1)
    }
}
