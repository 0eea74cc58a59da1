extension NERTokenizer {
    /// Scans a word starting at `start`: runs of word characters joined by the connectors
    /// that CoNLL keeps inside tokens. Returns the end offset.
    func scanWord(_ text: UnsafeBufferPointer<UInt8>, start: Int) -> Int {
        let count = text.count
        var position = start
        var internalPeriod = false
        var hyphenated = false
        while true {
            // One run of word characters.
            var segmentLength = 0
            var allDigits = true
            var allUpper = true
            var firstIsLetter = false
            var lastByte: UInt8 = 0
            while position < count {
                let (value, length) = NERUTF8.decode(text, at: position)
                let kind = NERCharClass.of(value)
                guard kind.isWordLike else { break }
                if segmentLength == 0 { firstIsLetter = kind.isLetter }
                if kind != .digit { allDigits = false }
                if kind != .upper { allUpper = false }
                lastByte = length == 1 ? UInt8(value) : 0
                segmentLength += 1
                position += length
            }
            guard position < count else { return position }
            let (connector, connectorLength) = NERUTF8.decode(text, at: position)
            let nextIndex = position + connectorLength
            let next: UInt32 = nextIndex < count ? NERUTF8.decode(text, at: nextIndex).value : 0
            let nextKind: NERCharClass = nextIndex < count ? NERCharClass.of(next) : .space
            switch connector {
            case 0x2D: // hyphen
                guard nextKind.isWordLike else { return position }
                hyphenated = true
            case 0x2E: // period
                if allDigits && nextKind == .digit { break }
                if nextKind.isLetter {
                    if segmentLength == 1 && firstIsLetter && !hyphenated { internalPeriod = true; break }
                    if nextKind == .lower && !hyphenated { break }
                    return position
                }
                if nextKind == .digit { return position }
                return takesTrailingPeriod(text, start: start, end: position, segmentLength: segmentLength,
                                           firstIsLetter: firstIsLetter, internalPeriod: internalPeriod, hyphenated: hyphenated)
                    ? nextIndex : position
            case 0x2C, 0x3A, 0x2F: // comma, colon, slash inside numbers
                guard allDigits, nextKind == .digit else { return position }
            case 0x26: // ampersand inside capitals: AT&T, S&P
                guard allUpper, nextKind == .upper else { return position }
            case 0x27, 0x2019: // apostrophe
                if (lastByte | 0x20) == UInt8(ascii: "n"), (next | 0x20) == UInt32(UInt8(ascii: "t")), !isWordByte(text, nextIndex + 1) {
                    if segmentLength == 1 && position - start == 1 { return nextIndex + 1 } // "n't"
                    return position - 1 // split "does|n't"
                }
                guard nextKind.isLetter else { return position }
                if cliticEnd(text, afterApostrophe: nextIndex) != nil { return position }
            default:
                return position
            }
            position = nextIndex
        }
    }

    /// Whether a word ending at `end` keeps the period that follows it.
    private func takesTrailingPeriod(
        _ text: UnsafeBufferPointer<UInt8>, start: Int, end: Int, segmentLength: Int,
        firstIsLetter: Bool, internalPeriod: Bool, hyphenated: Bool
    ) -> Bool {
        if internalPeriod && segmentLength == 1 { return true } // U.S.
        if segmentLength == 1 && firstIsLetter && !hyphenated && end - start <= 2 {
            // A single capital letter: an initial ("George W. Bush").
            return NERCharClass.of(NERUTF8.decode(text, at: start).value) == .upper
        }
        return !hyphenated && abbreviations.contains(text, start..<end)
    }
}
