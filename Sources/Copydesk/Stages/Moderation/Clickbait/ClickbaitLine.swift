/// A headline or teaser line prepared once for every feature: its bytes, a lowercased copy
/// (ASCII letters lowered, curly apostrophes made straight, trailing spaces trimmed) and its words.
struct ClickbaitLine {
    let bytes: [UInt8]
    let lowered: [UInt8]
    /// Lowercased words: runs of letters, digits and non-ASCII, with inner apostrophes.
    let words: [ArraySlice<UInt8>]

    init(_ bytes: some Collection<UInt8>) {
        self.bytes = Array(bytes)
        var lowered: [UInt8] = []
        lowered.reserveCapacity(self.bytes.count)
        var i = 0
        let b = self.bytes
        while i < b.count {
            if b[i] == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0x99 {
                lowered.append(UInt8(ascii: "'"))
                i += 3
                continue
            }
            lowered.append(b[i] >= 65 && b[i] <= 90 ? b[i] | 0x20 : b[i])
            i += 1
        }
        while let last = lowered.last, last == 0x20 || last == 0x09 || last == 0x0A || last == 0x0D { lowered.removeLast() }
        self.lowered = lowered
        words = Self.split(lowered)
    }

    init(_ string: String) {
        self.init(Array(string.utf8))
    }

    static func split(_ text: [UInt8]) -> [ArraySlice<UInt8>] {
        var words: [ArraySlice<UInt8>] = []
        var start = -1
        for (index, byte) in text.enumerated() {
            let inWord = isWordByte(byte) || (byte == UInt8(ascii: "'") && start >= 0 && index + 1 < text.count && isWordByte(text[index + 1]))
            if inWord {
                if start < 0 { start = index }
            } else if start >= 0 {
                words.append(text[start..<index])
                start = -1
            }
        }
        if start >= 0 { words.append(text[start...]) }
        return words
    }

    @inline(__always)
    static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57) || b >= 0x80
    }
}
