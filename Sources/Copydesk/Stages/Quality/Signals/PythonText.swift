/// Python's `str` operations that datatrove's filters use, on UTF-8 bytes: `splitlines`, `strip`,
/// `split("\n")`, `len`, with the same notion of whitespace and line boundary.
enum PythonText {
    /// The length of the whitespace character at `i` (Python `isspace`), or 0.
    @inline(__always)
    static func spaceLength(_ text: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        let byte = text[i]
        if byte < 0x80 { return (byte >= 0x09 && byte <= 0x0D) || (byte >= 0x1C && byte <= 0x20) ? 1 : 0 }
        guard byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3 else { return 0 }
        let (scalar, length) = ScalarClass.decode(text, at: i, end: end)
        return ScalarClass.isSpace(scalar) ? length : 0
    }

    /// The length of the line boundary at `i` (`str.splitlines`: \n \r \r\n \v \f \x1c-\x1e \x85
    /// U+2028 U+2029), or 0.
    @inline(__always)
    static func lineBreakLength(_ text: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        let byte = text[i]
        switch byte {
        case 0x0A, 0x0B, 0x0C, 0x1C, 0x1D, 0x1E: return 1
        case 0x0D: return i + 1 < end && text[i + 1] == 0x0A ? 2 : 1
        case 0xC2: return i + 1 < end && text[i + 1] == 0x85 ? 2 : 0
        case 0xE2: return i + 2 < end && text[i + 1] == 0x80 && (text[i + 2] == 0xA8 || text[i + 2] == 0xA9) ? 3 : 0
        default: return 0
        }
    }

    /// `text.splitlines()`: no empty line after a final boundary, none at all for empty text.
    static func splitlines(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = range.lowerBound
        var i = start
        let end = range.upperBound
        while i < end {
            let byte = text[i]
            // Fast skip: no boundary starts with a printable ASCII byte or a UTF-8 continuation byte.
            if byte >= 0x20 && byte != 0xC2 && byte != 0xE2 {
                i += 1
                continue
            }
            let length = lineBreakLength(text, i, end)
            if length == 0 {
                i += 1
                continue
            }
            lines.append(start..<i)
            i += length
            start = i
        }
        if start < end { lines.append(start..<end) }
        return lines
    }

    /// `text.split(sep)` for a one-byte separator: every piece, empty ones included.
    static func split(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, on separator: UInt8) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var start = range.lowerBound
        for i in range where text[i] == separator {
            pieces.append(start..<i)
            start = i + 1
        }
        pieces.append(start..<range.upperBound)
        return pieces
    }

    /// `re.split(r"\n{minimum,}", s)`: the pieces between runs of at least `minimum` newlines.
    static func split(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, onNewlineRunsOf minimum: Int) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var start = range.lowerBound
        var i = range.lowerBound
        while i < range.upperBound {
            guard text[i] == 0x0A else {
                i += 1
                continue
            }
            var runEnd = i + 1
            while runEnd < range.upperBound, text[runEnd] == 0x0A { runEnd += 1 }
            if runEnd - i >= minimum {
                pieces.append(start..<i)
                start = runEnd
            }
            i = runEnd
        }
        pieces.append(start..<range.upperBound)
        return pieces
    }

    /// `s.strip()`.
    static func strip(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        let start = lstrip(text, range).lowerBound
        return rstrip(text, start..<range.upperBound)
    }

    /// `s.lstrip()`.
    static func lstrip(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        while start < range.upperBound {
            let length = spaceLength(text, start, range.upperBound)
            if length == 0 { break }
            start += length
        }
        return start..<range.upperBound
    }

    /// `s.rstrip()`.
    static func rstrip(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var end = range.upperBound
        while end > range.lowerBound {
            // Step back to the start of the last scalar.
            var start = end - 1
            while start > range.lowerBound, text[start] & 0xC0 == 0x80 { start -= 1 }
            if spaceLength(text, start, end) != end - start { break }
            end = start
        }
        return range.lowerBound..<end
    }

    /// Whether `text[range]` starts with `prefix`.
    @inline(__always)
    static func hasPrefix(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard range.count >= count else { return false }
        let bytes = prefix.utf8Start
        for k in 0..<count where text[range.lowerBound + k] != bytes[k] { return false }
        return true
    }

    /// Whether `text[range]` ends with `suffix`.
    @inline(__always)
    static func hasSuffix(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard range.count >= count else { return false }
        let bytes = suffix.utf8Start
        let start = range.upperBound - count
        for k in 0..<count where text[start + k] != bytes[k] { return false }
        return true
    }

    /// `text.count(needle)`: non-overlapping occurrences.
    static func count(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ needle: StaticString) -> Int {
        let count = needle.utf8CodeUnitCount
        let bytes = needle.utf8Start
        let first = bytes[0]
        var found = 0
        var i = range.lowerBound
        let last = range.upperBound - count
        while i <= last {
            if text[i] == first {
                var k = 1
                while k < count, text[i + k] == bytes[k] { k += 1 }
                if k == count {
                    found += 1
                    i += count
                    continue
                }
            }
            i += 1
        }
        return found
    }

    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// `len(s)`: code points.
    @inline(__always)
    static func length(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        UTF8Text.codePointCount(text, from: range.lowerBound, to: range.upperBound)
    }

    /// FNV-1a hash of `text[range]` mixed with its length: the identity of a line or paragraph.
    static func hash(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in range { h = (h ^ UInt64(text[i])) &* 0x100_0000_01b3 }
        return h ^ (UInt64(range.count) &* 0x9E37_79B9_7F4A_7C15)
    }

    /// datatrove's `find_duplicates`: how many pieces repeat an earlier one, and their total length.
    static func duplicates(_ text: UnsafeBufferPointer<UInt8>, _ pieces: [Range<Int>], counter: inout HashCounter) -> (elements: Int, characters: Int) {
        counter.reset(expected: pieces.count)
        var elements = 0
        var characters = 0
        for (position, piece) in pieces.enumerated() where counter.add(hash(text, piece), position: position).count > 1 {
            elements += 1
            characters += length(text, piece)
        }
        return (elements, characters)
    }
}
