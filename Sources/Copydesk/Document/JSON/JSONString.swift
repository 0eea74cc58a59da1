/// Decoding and encoding of JSON string tokens, byte to byte.
public enum JSONString {
    /// Decodes a validated raw string token (with quotes) to UTF-8 bytes. \uXXXX surrogate pairs combine; a lone surrogate becomes U+FFFD.
    public static func decode(_ token: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        decode(token, into: &output)
        return output
    }

    /// Decodes a validated raw string token (with quotes) to a `String`.
    public static func decodeString(_ token: UnsafeBufferPointer<UInt8>) -> String {
        if token.count >= 2, !containsBackslash(token) {
            return String(decoding: UnsafeBufferPointer(rebasing: token[1..<(token.count &- 1)]), as: UTF8.self)
        }
        return String(decoding: decode(token), as: UTF8.self)
    }

    /// Appends the decoded bytes of a validated raw string token (with quotes) to `output`.
    ///
    /// A token that was not validated never causes a crash: a malformed escape is copied as is.
    public static func decode(_ token: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        guard let base = token.baseAddress, token.count >= 2 else { return }
        let end = token[token.count &- 1] == UInt8(ascii: "\"") ? token.count &- 1 : token.count
        output.reserveAmortized(end &- 1)
        var i = 1
        var runStart = 1
        while true {
            while i &+ 8 <= end {
                let backslashes = ByteWord.equal(ByteWord.load(base, at: i), UInt8(ascii: "\\"))
                if backslashes != 0 {
                    i &+= ByteWord.firstLane(backslashes)
                    break
                }
                i &+= 8
            }
            while i < end && token[i] != UInt8(ascii: "\\") { i &+= 1 }
            if i > runStart {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: token[runStart..<i]))
            }
            guard i < end else { return }
            i = decodeEscape(token, at: i, end: end, into: &output)
            runStart = i
        }
    }

    /// Decodes the escape whose backslash is at `offset`; returns the offset after it.
    private static func decodeEscape(
        _ token: UnsafeBufferPointer<UInt8>, at offset: Int, end: Int, into output: inout [UInt8]
    ) -> Int {
        guard offset &+ 1 < end else {
            output.append(UInt8(ascii: "\\"))
            return offset &+ 1
        }
        let simple: UInt8
        switch token[offset &+ 1] {
        case UInt8(ascii: "\""): simple = 0x22
        case UInt8(ascii: "\\"): simple = 0x5C
        case UInt8(ascii: "/"): simple = 0x2F
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"):
            guard let unit = hexQuad(token, at: offset &+ 2, end: end) else {
                output.append(UInt8(ascii: "\\"))
                return offset &+ 1
            }
            switch unit {
            case 0xD800..<0xDC00:
                if offset &+ 12 <= end, token[offset &+ 6] == UInt8(ascii: "\\"), token[offset &+ 7] == UInt8(ascii: "u"),
                    let low = hexQuad(token, at: offset &+ 8, end: end), (0xDC00..<0xE000).contains(low)
                {
                    appendScalar(0x10000 &+ ((unit &- 0xD800) &<< 10) &+ (low &- 0xDC00), to: &output)
                    return offset &+ 12
                }
                appendScalar(0xFFFD, to: &output)
            case 0xDC00..<0xE000:
                appendScalar(0xFFFD, to: &output)
            default:
                appendScalar(unit, to: &output)
            }
            return offset &+ 6
        default:
            output.append(UInt8(ascii: "\\"))
            return offset &+ 1
        }
        output.append(simple)
        return offset &+ 2
    }

    /// The value of four hex digits at `offset`, or nil.
    @inline(__always)
    private static func hexQuad(_ token: UnsafeBufferPointer<UInt8>, at offset: Int, end: Int) -> UInt32? {
        guard offset &+ 4 <= end else { return nil }
        var value: UInt32 = 0
        for k in offset..<(offset &+ 4) {
            guard let digit = JSONScanner.hexValue(token[k]) else { return nil }
            value = value &<< 4 | UInt32(digit)
        }
        return value
    }

    /// Appends the UTF-8 encoding of a scalar value (not a surrogate, at most 0x10FFFF).
    @inline(__always)
    static func appendScalar(_ value: UInt32, to output: inout [UInt8]) {
        switch value {
        case 0..<0x80:
            output.append(UInt8(value))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | value &>> 6))
            output.append(UInt8(0x80 | value & 0x3F))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | value &>> 12))
            output.append(UInt8(0x80 | value &>> 6 & 0x3F))
            output.append(UInt8(0x80 | value & 0x3F))
        default:
            output.append(UInt8(0xF0 | value &>> 18))
            output.append(UInt8(0x80 | value &>> 12 & 0x3F))
            output.append(UInt8(0x80 | value &>> 6 & 0x3F))
            output.append(UInt8(0x80 | value & 0x3F))
        }
    }

    private static func containsBackslash(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = token.baseAddress else { return false }
        var i = 0
        while i &+ 8 <= token.count {
            if ByteWord.equal(ByteWord.load(base, at: i), UInt8(ascii: "\\")) != 0 { return true }
            i &+= 8
        }
        while i < token.count {
            if token[i] == UInt8(ascii: "\\") { return true }
            i &+= 1
        }
        return false
    }
}
