/// Strict UTF-8 validation and byte-offset to code-point-offset conversion.
///
/// Code-point offsets are what Python's `str` indexes by, so they are what `--explain`
/// reports. Every function here tolerates out-of-range offsets by clamping them.
public enum UTF8Text {
    /// nil if valid, else the byte offset of the first invalid sequence (rejects overlongs, surrogates, > U+10FFFF, truncated).
    public static func firstInvalidByte(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        var i = 0
        while i < count {
            while i &+ 8 <= count {
                let nonASCII = ByteWord.load(base, at: i) & ByteWord.highBits
                if nonASCII != 0 {
                    i &+= ByteWord.firstLane(nonASCII)
                    break
                }
                i &+= 8
            }
            guard i < count else { return nil }
            let length = validSequenceLength(base, at: i, count: count)
            if length == 0 { return i }
            i &+= length
        }
        return nil
    }

    /// Number of Unicode scalars in bytes[0..<byteOffset] (Python str offsets). Fast: count non-continuation bytes.
    public static func codePointCount(_ bytes: UnsafeBufferPointer<UInt8>, upTo byteOffset: Int) -> Int {
        codePointCount(bytes, from: 0, to: byteOffset)
    }

    /// 1-based column (in scalars) of byteOffset within its line.
    public static func column(of byteOffset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let end = min(max(byteOffset, 0), bytes.count)
        var lineStart = end
        while lineStart > 0 && bytes[lineStart &- 1] != UInt8(ascii: "\n") {
            lineStart &-= 1
        }
        return codePointCount(bytes, from: lineStart, to: end) &+ 1
    }

    /// Scalars in bytes[start..<end]: the bytes that are not continuation bytes.
    static func codePointCount(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let end = min(max(end, 0), bytes.count)
        var i = min(max(start, 0), end)
        var continuations = 0
        while i &+ 8 <= end {
            continuations &+= ByteWord.laneCount(ByteWord.continuation(ByteWord.load(base, at: i)))
            i &+= 8
        }
        while i < end {
            if base[i] & 0xC0 == 0x80 { continuations &+= 1 }
            i &+= 1
        }
        return end &- min(max(start, 0), end) &- continuations
    }

    /// Length (1...4) of the well-formed UTF-8 sequence at `offset`, or 0 if it is ill-formed
    /// (Unicode table 3-7: no overlongs, no surrogates, nothing above U+10FFFF, not truncated).
    @inline(__always)
    static func validSequenceLength(_ base: UnsafePointer<UInt8>, at offset: Int, count: Int) -> Int {
        let lead = base[offset]
        if lead < 0x80 { return 1 }
        if lead < 0xC2 { return 0 }
        if lead < 0xE0 {
            guard offset &+ 1 < count, base[offset &+ 1] & 0xC0 == 0x80 else { return 0 }
            return 2
        }
        if lead < 0xF0 {
            guard offset &+ 2 < count else { return 0 }
            let second = base[offset &+ 1]
            let low: UInt8 = lead == 0xE0 ? 0xA0 : 0x80
            let high: UInt8 = lead == 0xED ? 0x9F : 0xBF
            guard second >= low, second <= high, base[offset &+ 2] & 0xC0 == 0x80 else { return 0 }
            return 3
        }
        if lead < 0xF5 {
            guard offset &+ 3 < count else { return 0 }
            let second = base[offset &+ 1]
            let low: UInt8 = lead == 0xF0 ? 0x90 : 0x80
            let high: UInt8 = lead == 0xF4 ? 0x8F : 0xBF
            guard second >= low, second <= high,
                base[offset &+ 2] & 0xC0 == 0x80, base[offset &+ 3] & 0xC0 == 0x80
            else { return 0 }
            return 4
        }
        return 0
    }

    /// Describes the ill-formed sequence at `offset`, for error messages.
    static func describeInvalidSequence(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> String {
        let lead = bytes[offset]
        let hex = hexByte(lead)
        guard lead >= 0xC2 && lead < 0xF5 else { return "invalid UTF-8 byte \(hex)" }
        if offset &+ 1 < bytes.count {
            let second = bytes[offset &+ 1]
            let low: UInt8 = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80
            let high: UInt8 = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF
            if second & 0xC0 == 0x80 && (second < low || second > high) {
                return "invalid UTF-8 sequence starting with byte \(hex) (overlong, surrogate or above U+10FFFF)"
            }
        }
        return "incomplete UTF-8 sequence starting with byte \(hex)"
    }

    /// "0xAB".
    static func hexByte(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return byte < 0x10 ? "0x0" + digits : "0x" + digits
    }
}
