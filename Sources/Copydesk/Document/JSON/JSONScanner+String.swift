extension JSONScanner {
    /// Validates the string token whose opening quote is at `position` and moves past its
    /// closing quote. Returns whether the string contains escape sequences.
    ///
    /// This is where nearly all bytes of a line are spent: ASCII runs are skipped eight
    /// bytes at a time, and multi-byte UTF-8 is validated inline.
    @inline(__always)
    mutating func scanString() throws(JSONSyntaxError) -> Bool {
        let opening = position
        var i = position &+ 1
        var hasEscapes = false
        while true {
            while i &+ 8 <= count {
                let special = ByteWord.stringSpecial(ByteWord.load(base, at: i))
                if special != 0 {
                    i &+= ByteWord.firstLane(special)
                    break
                }
                i &+= 8
            }
            guard i < count else { throw unterminatedString(opening) }
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") {
                position = i &+ 1
                return hasEscapes
            } else if byte == UInt8(ascii: "\\") {
                i = try scanEscape(at: i, opening: opening)
                hasEscapes = true
            } else if byte >= 0x80 {
                // Stay here through runs of non-ASCII text rather than re-entering the word loop.
                repeat {
                    let length = UTF8Text.validSequenceLength(base, at: i, count: count)
                    guard length > 0 else {
                        throw error(UTF8Text.describeInvalidSequence(bytes, at: i), at: i)
                    }
                    i &+= length
                } while i < count && bytes[i] >= 0x80
            } else if byte < 0x20 {
                throw error("control character \(Self.codePointName(UInt32(byte))) in string must be escaped", at: i)
            } else {
                i &+= 1  // an ordinary byte among the last seven of the line
            }
        }
    }

    /// Validates the escape sequence whose backslash is at `offset`; returns the offset after it.
    private func scanEscape(at offset: Int, opening: Int) throws(JSONSyntaxError) -> Int {
        let letter = offset &+ 1
        guard letter < count else { throw unterminatedString(opening) }
        switch bytes[letter] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
            UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return offset &+ 2
        case UInt8(ascii: "u"):
            for digit in (letter &+ 1)..<(letter &+ 5) {
                guard digit < count else { throw unterminatedString(opening) }
                guard Self.hexValue(bytes[digit]) != nil else {
                    throw unexpected("4 hex digits after '\\u'", at: digit)
                }
            }
            return offset &+ 6
        default:
            throw unexpected(
                "an escape sequence (\\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX) after '\\'", at: letter)
        }
    }

    private func unterminatedString(_ opening: Int) -> JSONSyntaxError {
        error("unterminated string (opened at byte \(opening))", at: count)
    }

    /// 0...15 for an ASCII hex digit.
    @inline(__always)
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte &- UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte &- UInt8(ascii: "a") &+ 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte &- UInt8(ascii: "A") &+ 10
        default: nil
        }
    }
}
