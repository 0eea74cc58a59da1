/// One scored property of a headline, with its weight; its strength on a line is 0…1.
public struct ClickbaitFeature: Sendable {
    public enum Kind: Sendable {
        /// Any of these phrases (lowercased word sequences) appears: curiosity gaps, sensational verbs, "you".
        case phrases(ClickbaitPhrases)
        /// The line ends with one of these (lowercased), ignoring trailing spaces: "fans..", "…".
        case trailing([String])
        /// A leading number (or number word) before one of these nouns: "10 reasons", "five things".
        case listicle([String])
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

    /// The feature's strength on one line, given also lowercased and trimmed, and as lowercased words.
    func strength(_ line: String, lowered: String, words: [Substring]) -> Double {
        switch kind {
        case .phrases(let phrases):
            return phrases.occur(in: words) ? 1 : 0
        case .trailing(let endings):
            return endings.contains { lowered.hasSuffix($0) } ? 1 : 0
        case .listicle(let nouns):
            guard let first = words.first, first.allSatisfy(\.isNumber) || Self.numberWords.contains(String(first)) else {
                if let top = words.firstIndex(of: "top"), top + 1 < words.count, words[top + 1].allSatisfy(\.isNumber) { return 1 }
                return 0
            }
            return words.dropFirst().prefix(3).contains { nouns.contains(String($0)) } ? 1 : 0
        case .caps(let minRatio, let minLetters):
            var long = 0
            var capitals = 0
            for word in line.split(whereSeparator: { !$0.isLetter }) where word.count >= minLetters {
                long += 1
                if word.allSatisfy({ $0.isUppercase }) { capitals += 1 }
            }
            return capitals >= 2 && Double(capitals) >= minRatio * Double(long) ? 1 : 0
        case .punctuation:
            for pair in ["!!", "?!", "!?", "??"] where line.contains(pair) { return 1 }
            return line.contains("!") ? 0.5 : 0
        }
    }

    static let numberWords: Set<String> = ["three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty"]

    /// The strength on a line given alone (for examples).
    func strength(_ line: String) -> Double {
        let lowered = line.lowercased().trimmingSpaces()
        return strength(line, lowered: lowered, words: Self.words(lowered))
    }

    /// Lowercased words of a lowercased line: letters, digits and inner apostrophes (curly ones made straight).
    static func words(_ lowered: String) -> [Substring] {
        let lowered = lowered.contains("\u{2019}") ? Substring(String(lowered.map { $0 == "\u{2019}" ? "'" : $0 })) : Substring(lowered)
        return lowered.split { !($0.isLetter || $0.isNumber || $0 == "'") }.map { $0.trimmingApostrophes() }.filter { !$0.isEmpty }
    }
}

extension Substring {
    fileprivate func trimmingApostrophes() -> Substring {
        var s = self
        while s.first == "'" { s = s.dropFirst() }
        while s.last == "'" { s = s.dropLast() }
        return s
    }
}

/// Phrases as word sequences, indexed by their first word so a line costs one lookup per word.
public struct ClickbaitPhrases: Sendable {
    private var byFirstWord: [Substring: [[Substring]]] = [:]

    init(_ phrases: [String]) {
        for phrase in phrases {
            let words = ClickbaitFeature.words(phrase.lowercased())
            guard let first = words.first else { continue }
            byFirstWord[first, default: []].append(words)
        }
    }

    func occur(in words: [Substring]) -> Bool {
        for (index, word) in words.enumerated() {
            guard let candidates = byFirstWord[word] else { continue }
            for phrase in candidates where index + phrase.count <= words.count {
                if words[index..<index + phrase.count].elementsEqual(phrase) { return true }
            }
        }
        return false
    }
}
