/// Splits raw UTF-8 text into CoNLL/PTB-style tokens and sentences.
///
/// Punctuation is split off; abbreviations ("U.S.", "Inc.", initials), hyphenated words,
/// numbers ("1,000", "3.5", "1996-08-22") and names with apostrophes ("O'Neill") stay whole;
/// clitics ("'s", "n't", "'re") become tokens of their own. Any non-ASCII letter or mark is a
/// word character. Sentences end at line breaks, and after `.`, `!` or `?` when the next
/// token starts with a capital, a digit or an opening quote.
public struct NERTokenizer: Sendable {
    /// Longest sentence the tokenizer emits; longer runs are cut.
    public static let maxSentenceTokens = 200

    let abbreviations = NERAbbreviations()

    public init() {}

    /// Tokenizes `text`, replacing the contents of `tokens` and `sentenceStarts`.
    ///
    /// `sentenceStarts` receives the index of each sentence's first token; sentence `k` is
    /// `sentenceStarts[k] ..< sentenceStarts[k + 1]` (or `tokens.count` for the last one).
    public func tokenize(
        _ text: UnsafeBufferPointer<UInt8>,
        tokens: inout [NERTokenRange],
        sentenceStarts: inout [Int]
    ) {
        tokens.removeAll(keepingCapacity: true)
        sentenceStarts.removeAll(keepingCapacity: true)
        let count = text.count
        var index = 0
        var lineBreak = false
        var pendingStop = false
        var previousEnd = -1
        while index < count {
            let (value, length) = NERUTF8.decode(text, at: index)
            let kind = NERCharClass.of(value)
            if kind == .newline {
                lineBreak = true
                index += length
                continue
            }
            if kind == .space {
                index += length
                continue
            }
            let end = scanToken(text, start: index, first: value, kind: kind, adjacent: previousEnd == index)
            // A quote glued to the previous token closes it rather than opening a sentence.
            let opensSentence = startsSentence(value, kind) && !(kind == .punctuation && previousEnd == index)
            if tokens.isEmpty {
                sentenceStarts.append(0)
            } else if lineBreak || (pendingStop && opensSentence)
                || tokens.count - sentenceStarts[sentenceStarts.count - 1] >= Self.maxSentenceTokens {
                sentenceStarts.append(tokens.count)
            }
            tokens.append(NERTokenRange(start: index, end: end))
            lineBreak = false
            pendingStop = updatedStop(pendingStop && previousEnd == index, text, start: index, end: end, kind: kind)
            previousEnd = end
            index = end
        }
    }

    /// Convenience wrapper returning fresh arrays.
    public func tokenize(_ text: UnsafeBufferPointer<UInt8>) -> (tokens: [NERTokenRange], sentenceStarts: [Int]) {
        var tokens: [NERTokenRange] = []
        var starts: [Int] = []
        tokenize(text, tokens: &tokens, sentenceStarts: &starts)
        return (tokens, starts)
    }

    private func startsSentence(_ value: UInt32, _ kind: NERCharClass) -> Bool {
        switch kind {
        case .upper, .digit, .caseless: return true
        case .punctuation:
            return value == 0x22 || value == 0x27 || value == 0x28 || value == 0x5B || value == 0x201C || value == 0x2018
        default: return false
        }
    }

    /// Whether a sentence may end before the next token, given the token just emitted;
    /// `pending` is true when a stop was pending and this token is glued to it.
    private func updatedStop(_ pending: Bool, _ text: UnsafeBufferPointer<UInt8>, start: Int, end: Int, kind: NERCharClass) -> Bool {
        guard kind == .punctuation else { return false }
        let first = text[start]
        if first == UInt8(ascii: ".") || first == UInt8(ascii: "!") || first == UInt8(ascii: "?") { return true }
        if end - start == 3, first == 0xE2, text[start + 1] == 0x80, text[start + 2] == 0xA6 { return true }
        if !pending { return false }
        // Closing quotes and brackets after a full stop keep the stop pending.
        switch first {
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ")"), UInt8(ascii: "]"): return true
        case 0xE2: return end - start == 3 && (text[start + 2] == 0x9D || text[start + 2] == 0x99)
        default: return false
        }
    }

    private func scanToken(_ text: UnsafeBufferPointer<UInt8>, start: Int, first: UInt32, kind: NERCharClass, adjacent: Bool) -> Int {
        if kind.isWordLike { return scanWord(text, start: start) }
        let firstLength = NERUTF8.decode(text, at: start).length
        if Self.isApostrophe(first), adjacent, let end = cliticEnd(text, afterApostrophe: start + firstLength) {
            return end
        }
        // Runs of the same ASCII punctuation ("...", "--", "!!") form one token.
        if first < 0x80, first == 0x2E || first == 0x2D || first == 0x21 || first == 0x3F || first == 0x2A || first == 0x3D {
            var end = start + 1
            while end < text.count, UInt32(text[end]) == first { end += 1 }
            return end
        }
        return start + firstLength
    }

    /// If a clitic ("s", "re", "ve", "ll", "d", "m", "t") followed by a non-word character
    /// starts at `index`, returns the index after it.
    func cliticEnd(_ text: UnsafeBufferPointer<UInt8>, afterApostrophe index: Int) -> Int? {
        var end = index
        while end < text.count, end - index < 3 {
            let byte = text[end] | 0x20
            guard byte >= UInt8(ascii: "a"), byte <= UInt8(ascii: "z") else { break }
            end += 1
        }
        guard end > index, !isWordByte(text, end) else { return nil }
        let a = text[index] | 0x20
        switch end - index {
        case 1: return a == UInt8(ascii: "s") || a == UInt8(ascii: "d") || a == UInt8(ascii: "m") ? end : nil
        case 2:
            let b = text[index + 1] | 0x20
            let ok = (a == UInt8(ascii: "r") && b == UInt8(ascii: "e")) || (a == UInt8(ascii: "v") && b == UInt8(ascii: "e"))
                || (a == UInt8(ascii: "l") && b == UInt8(ascii: "l"))
            return ok ? end : nil
        default: return nil
        }
    }

    func isWordByte(_ text: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        guard index < text.count else { return false }
        return NERCharClass.of(NERUTF8.decode(text, at: index).value).isWordLike
    }

    @inline(__always)
    static func isApostrophe(_ value: UInt32) -> Bool { value == 0x27 || value == 0x2019 }
}
