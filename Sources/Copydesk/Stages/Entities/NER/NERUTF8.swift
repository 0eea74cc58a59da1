/// Decoding one Unicode scalar at a time from UTF-8 bytes, never trapping on bad input.
enum NERUTF8 {
    /// The scalar starting at `index` and its encoded length. Invalid or truncated
    /// sequences decode as U+FFFD with length 1, so every byte is consumed exactly once.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let b0 = bytes[index]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        return decodeMultiByte(bytes, at: index, lead: b0)
    }

    static func decodeMultiByte(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, lead b0: UInt8) -> (value: UInt32, length: Int) {
        let invalid: (UInt32, Int) = (0xFFFD, 1)
        let length: Int
        var value: UInt32
        switch b0 {
        case 0xC2...0xDF: length = 2; value = UInt32(b0 & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(b0 & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(b0 & 0x07)
        default: return invalid
        }
        guard index + length <= bytes.count else { return invalid }
        for k in 1..<length {
            let byte = bytes[index + k]
            guard byte & 0xC0 == 0x80 else { return invalid }
            value = (value << 6) | UInt32(byte & 0x3F)
        }
        let minimum: UInt32 = length == 2 ? 0x80 : (length == 3 ? 0x800 : 0x10000)
        guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else { return invalid }
        return (value, length)
    }
}
