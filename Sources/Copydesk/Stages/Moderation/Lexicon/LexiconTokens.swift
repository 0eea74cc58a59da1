/// The words of one text, as runs of `LexiconSymbol`s, found in one pass over its bytes.
///
/// A word is a run of letters, digits, leet symbols and masks (`*`, `#`); a trailing `!` and
/// leading `!`, `|`, `*` and `#` are punctuation, not part of it. In `w*h*o*r*e` the masks are
/// separators. After the pass, runs of three or more
/// one-letter words with short separators between them (`f.u.c.k`, `f u c k`, `f-u-c-k`,
/// `f. u. c. k`) are also joined into one extra word, tried before the letters alone.
struct LexiconTokens {
    struct Token {
        /// Byte range in the text.
        var range: Range<Int>
        /// Range in `symbols`.
        var symbols: Range<Int>
        /// First letter uppercase and no other uppercase letter.
        var capitalized: Bool
        /// Count of symbols that are plain letters.
        var plainLetters: Int
        /// Count of masks.
        var masks: Int
        /// Whether it was joined from one-letter words (`f.u.c.k`) or letters between masks (`w*h*o*r*e`).
        var joined = false
        /// For a joined word, the index of its last one-letter word.
        var lastJoined = 0
    }

    var tokens: [Token] = []
    var symbols: [LexiconSymbol] = []
    /// Joined words (`joined` true), kept apart from `tokens` and keyed by their first token.
    var joinedAt: [Int: Token] = [:]

    /// Words longer than this are not matched (they are not words).
    static let maxSymbols = 40

    init(_ text: UnsafeBufferPointer<UInt8>) {
        symbols.reserveCapacity(text.count / 2)
        let table = LexiconByteClass.table
        let n = text.count
        var i = 0
        var start = -1
        var firstSymbol = 0
        var uppercase = 0
        var firstUpper = false
        var lastEnd = 0
        while i < n {
            let byte = text[i]
            var length = 1
            var symbol: LexiconSymbol?
            var upper = false
            if start >= 0, byte == UInt8(ascii: "'"), i + 1 < n, table[Int(text[i + 1])] == 1 || table[Int(text[i + 1])] == 2 {
                i += 1  // an apostrophe inside a word: "i'll", "don't"
                continue
            }
            switch table[Int(byte)] {
            case 1:
                symbol = .letter(byte &- UInt8(ascii: "a"))
                if byte == UInt8(ascii: "v") { symbol!.letters |= 1 << 20 }
            case 2:
                symbol = .letter(byte &- UInt8(ascii: "A"))
                if byte == UInt8(ascii: "V") { symbol!.letters |= 1 << 20 }
                upper = true
            case 3:
                // `!` and `|` do not start a word; `!` at the end of one is punctuation (handled on close).
                if start >= 0 || (byte != UInt8(ascii: "!") && byte != UInt8(ascii: "|")) { symbol = LexiconByteClass.leet(byte) }
            case 4:
                if start >= 0 { symbol = .mask }
            case 5:
                let (scalar, count) = UTF8Decoder.decode(text, i)
                length = count
                let apostrophe = scalar == 0x2019 && start >= 0 && i + count < n && table[Int(text[i + count])] & 3 != 0 && table[Int(text[i + count])] < 3
                if LexiconByteClass.isIgnorable(scalar) || apostrophe {
                    i += length
                    continue
                }
                if LexiconByteClass.isCombiningMark(scalar) {
                    // Decomposed accents ("fu\u{308}ck") belong to the letter before them.
                    if start >= 0 { lastEnd = i + length }
                    i += length
                    continue
                }
                if let ascii = LexiconByteClass.fullwidthAlphanumeric(scalar) {
                    // Fullwidth "ｆｕｃｋ" reads as "fuck".
                    switch table[Int(ascii)] {
                    case 1: symbol = .letter(ascii &- UInt8(ascii: "a"))
                    case 2:
                        symbol = .letter(ascii &- UInt8(ascii: "A"))
                        upper = true
                    default: symbol = LexiconByteClass.leet(ascii)
                    }
                    if ascii | 0x20 == UInt8(ascii: "v") { symbol!.letters |= 1 << 20 }
                } else if let found = LexiconByteClass.symbol(for: scalar) {
                    symbol = found.symbol
                    upper = found.upper
                }
            default:
                break
            }
            if let symbol {
                if start < 0 {
                    start = i
                    firstSymbol = symbols.count
                    uppercase = 0
                    firstUpper = upper
                }
                if upper { uppercase += 1 }
                symbols.append(symbol)
                lastEnd = i + length
            } else if start >= 0 {
                close(start: start, end: lastEnd, text: text, firstSymbol: firstSymbol, capitalized: firstUpper && uppercase == 1)
                start = -1
            }
            i += length
        }
        if start >= 0 { close(start: start, end: lastEnd, text: text, firstSymbol: firstSymbol, capitalized: firstUpper && uppercase == 1) }
        joinSeparatedLetters(text)
    }

    private mutating func close(start: Int, end: Int, text: UnsafeBufferPointer<UInt8>, firstSymbol: Int, capitalized: Bool) {
        // Trailing `!` (and `*` after a `!`) is punctuation: "shit!", "what the hell!!".
        var end = end
        while end > start, text[end - 1] == UInt8(ascii: "!"), symbols.count > firstSymbol {
            symbols.removeLast()
            end -= 1
        }
        guard symbols.count > firstSymbol else { return }
        // Letters with a mask between each two ("w*h*o*r*e"): the masks are separators.
        var joined = false
        let count = symbols.count - firstSymbol
        if count >= 5, count & 1 == 1,
           stride(from: firstSymbol + 1, to: symbols.count, by: 2).allSatisfy({ symbols[$0].isMask }),
           stride(from: firstSymbol, to: symbols.count, by: 2).allSatisfy({ !symbols[$0].isMask }) {
            var write = firstSymbol + 1
            for read in stride(from: firstSymbol + 2, to: symbols.count, by: 2) {
                symbols[write] = symbols[read]
                write += 1
            }
            symbols.removeLast(symbols.count - write)
            joined = true
        }
        let range = firstSymbol..<symbols.count
        var plain = 0
        var masks = 0
        for symbol in symbols[range] {
            if symbol.plain != LexiconSymbol.none { plain += 1 } else if symbol.isMask { masks += 1 }
        }
        tokens.append(Token(range: start..<end, symbols: range, capitalized: capitalized, plainLetters: plain, masks: masks, joined: joined))
    }

    /// Joins runs of one-letter words separated by one to three of ` .-_,/` (no line break).
    private mutating func joinSeparatedLetters(_ text: UnsafeBufferPointer<UInt8>) {
        var index = 0
        while index < tokens.count {
            guard tokens[index].symbols.count == 1 else {
                index += 1
                continue
            }
            var last = index
            while last + 1 < tokens.count, tokens[last + 1].symbols.count == 1,
                  Self.isLetterSeparator(text, tokens[last].range.upperBound, tokens[last + 1].range.lowerBound) {
                last += 1
            }
            if last - index >= 2 {
                let first = symbols.count
                var plain = 0
                for k in index...last {
                    symbols.append(symbols[tokens[k].symbols.lowerBound])
                    plain += tokens[k].plainLetters
                }
                joinedAt[index] = Token(
                    range: tokens[index].range.lowerBound..<tokens[last].range.upperBound, symbols: first..<symbols.count,
                    capitalized: false, plainLetters: plain, masks: 0, joined: true, lastJoined: last)
            }
            index = last + 1
        }
    }

    private static func isLetterSeparator(_ text: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        guard to - from >= 1 && to - from <= 3 else { return false }
        for k in from..<to {
            switch text[k] {
            case UInt8(ascii: " "), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: ","), UInt8(ascii: "/"): continue
            default: return false
            }
        }
        return true
    }

    /// Whether only spaces or hyphens (one to three, no line break) separate token `k` from `k + 1`.
    func isPhraseGap(_ text: UnsafeBufferPointer<UInt8>, after k: Int) -> Bool {
        guard k + 1 < tokens.count else { return false }
        let from = tokens[k].range.upperBound, to = tokens[k + 1].range.lowerBound
        guard to - from >= 1 && to - from <= 3 else { return false }
        for j in from..<to where text[j] != UInt8(ascii: " ") && text[j] != UInt8(ascii: "-") { return false }
        return true
    }

    /// Whether token `k` starts a sentence: nothing but spaces and quotes back to the text's
    /// start, a line break, or `.`, `!`, `?`, `:`.
    func startsSentence(_ text: UnsafeBufferPointer<UInt8>, _ k: Int) -> Bool {
        var j = tokens[k].range.lowerBound - 1
        while j >= 0 {
            switch text[j] {
            case UInt8(ascii: " "), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: "\t"): j -= 1
            case UInt8(ascii: "\n"), UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"): return true
            case 0x80...0xBF, 0xE2: j -= 1  // a curly quote
            default: return false
            }
        }
        return true
    }
}
