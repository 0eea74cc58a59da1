/// One scored property of a headline, with its weight; its strength on a line is 0…1.
public struct ClickbaitFeature: Sendable {
    public enum Kind: Sendable {
        /// Any of these phrases (lowercased word sequences) appears: curiosity gaps, sensational verbs, "you".
        case phrases(ClickbaitPhrases)
        /// The line ends with one of these (lowercased UTF-8), ignoring trailing spaces: "fans..", "…".
        case trailing([[UInt8]])
        /// A leading number (or number word) before one of these nouns: "10 reasons", "five things".
        case listicle(Set<ArraySlice<UInt8>>)
        /// At least `minRatio` of the words of `minLetters`+ letters are in capitals (and two or more).
        case caps(minRatio: Double, minLetters: Int)
        /// "!!", "?!", "!?", "??" (strength 1) or one "!" (strength 0.5).
        case punctuation
    }

    public var id: String
    public var weight: Double
    public var kind: Kind
    public var mark: SourceMark?

    static let kindNames = ["phrases", "trailing", "listicle", "caps", "punctuation"]

    /// The feature's strength on one line.
    func strength(_ line: ClickbaitLine) -> Double {
        switch kind {
        case .phrases(let phrases):
            return phrases.occur(in: line.words) ? 1 : 0
        case .trailing(let endings):
            return endings.contains { line.lowered.count >= $0.count && line.lowered.suffix($0.count).elementsEqual($0) } ? 1 : 0
        case .listicle(let nouns):
            let words = line.words
            guard let first = words.first, first.allSatisfy(Self.isDigit) || Self.numberWords.contains(first) else {
                if let top = words.firstIndex(where: { $0.elementsEqual("top".utf8) }), top + 1 < words.count, words[top + 1].allSatisfy(Self.isDigit) { return 1 }
                return 0
            }
            return words.dropFirst().prefix(3).contains { nouns.contains($0) } ? 1 : 0
        case .caps(let minRatio, let minLetters):
            var long = 0
            var capitals = 0
            var length = 0
            var upper = 0
            for byte in line.bytes + [0x20] {
                let isUpper = byte >= 65 && byte <= 90
                if isUpper || (byte >= 97 && byte <= 122) {
                    length += 1
                    if isUpper { upper += 1 }
                    continue
                }
                if length >= minLetters {
                    long += 1
                    if upper == length { capitals += 1 }
                }
                length = 0
                upper = 0
            }
            return capitals >= 2 && Double(capitals) >= minRatio * Double(long) ? 1 : 0
        case .punctuation:
            var previous: UInt8 = 0
            var exclamation = false
            for byte in line.bytes {
                if (byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")) && (previous == UInt8(ascii: "!") || previous == UInt8(ascii: "?")) { return 1 }
                if byte == UInt8(ascii: "!") { exclamation = true }
                previous = byte
            }
            return exclamation ? 0.5 : 0
        }
    }

    /// The strength on a line given alone (for examples).
    func strength(_ line: String) -> Double {
        strength(ClickbaitLine(line))
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    static let numberWords: Set<ArraySlice<UInt8>> = Set(
        ["three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty"].map { Array($0.utf8)[...] })
}

/// Phrases as word sequences, indexed by their first word so a line costs one lookup per word.
public struct ClickbaitPhrases: Sendable {
    private var byFirstWord: [ArraySlice<UInt8>: [[ArraySlice<UInt8>]]] = [:]

    init(_ phrases: [String]) {
        for phrase in phrases {
            let words = ClickbaitLine(phrase).words
            guard let first = words.first else { continue }
            byFirstWord[first, default: []].append(words)
        }
    }

    func occur(in words: [ArraySlice<UInt8>]) -> Bool {
        for (index, word) in words.enumerated() {
            guard let candidates = byFirstWord[word] else { continue }
            for phrase in candidates where index + phrase.count <= words.count {
                if words[index..<index + phrase.count].elementsEqual(phrase) { return true }
            }
        }
        return false
    }
}
