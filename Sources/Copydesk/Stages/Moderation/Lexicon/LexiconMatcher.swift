/// Finds lexicon terms in text, seeing through leetspeak, masks, stretched letters,
/// separators between letters, and common suffixes, and never inside a longer word.
///
/// One pass splits the text into words (`LexiconTokens`); each word is then walked down the
/// trie of terms, trying at each character the letter written, the letters it may stand for,
/// and "the same letter again" (stretching). Allow-listed words and phrases are tried first
/// and skipped whole.
public struct LexiconMatcher: Sendable {
    public let entries: [LexiconEntry]
    private let trie: LexiconTrie
    private let allow: LexiconTrie
    /// Suffixes a non-exact term may carry: `fucking`, `shitty` (stretched t + y), `bitches`.
    static let suffixes: [[UInt8]] = ["s", "es", "ed", "er", "ers", "ing", "ings", "in", "y", "ier", "iest"].map { Array($0.utf8) }

    /// One match: the entry, the bytes it covers (the whole word or phrase), and how sure it is.
    public struct Hit: Sendable, Equatable {
        public var entry: Int
        public var range: Range<Int>
        public var confidence: Double
    }

    /// Builds the matcher; `duplicate` is called with (kept, duplicate) entry indexes for a term listed twice.
    init(entries: [LexiconEntry], allowTerms: [[UInt8]], duplicate: (Int, Int) -> Void = { _, _ in }) {
        var trie = LexiconTrie()
        for (index, entry) in entries.enumerated() {
            guard let term = LexiconEntry.normalize(entry.term) else { continue }
            if let first = trie.insert(term, entry: Int32(index)) { duplicate(Int(first), index) }
        }
        var allow = LexiconTrie()
        for term in allowTerms { _ = allow.insert(term, entry: 0) }
        self.entries = entries
        self.trie = trie
        self.allow = allow
    }

    /// How much work `hits(in:work:)` did: it grows linearly with the text, whatever the text.
    struct Work {
        /// Symbols of joined runs (`f.u.c.k`) read to count their plain letters.
        var joinedSymbolsRead = 0
        /// Steps of trie walks.
        var searchSteps = 0
    }

    /// Every match in `text`, in text order, not overlapping.
    public func hits(in text: UnsafeBufferPointer<UInt8>) -> [Hit] {
        var work = Work()
        return hits(in: text, work: &work)
    }

    /// Every match in `text`, counting the work done into `work`.
    func hits(in text: UnsafeBufferPointer<UInt8>, work: inout Work) -> [Hit] {
        guard !trie.isEmpty, !text.isEmpty else { return [] }
        let tokens = LexiconTokens(text)
        var hits: [Hit] = []
        var search = Search(trie: trie, entries: entries, tokens: tokens, text: text)
        defer { work.searchSteps += search.steps }
        var k = 0
        while k < tokens.tokens.count {
            if let end = allowed(tokens, at: k, text) {
                k = end + 1
                continue
            }
            if let joined = tokens.joinedAt[k] {
                // The run may start with a real one-letter word: "a c.u.n.t" is tried as "acunt", then "cunt".
                // Only parts of at most `maxSymbols` letters can match, so a long run ("a b c d …")
                // is tried from its last `maxSymbols` letters only: linear, not quadratic, work.
                var matched = false
                let firstTried = max(k, joined.lastJoined + 1 - LexiconTokens.maxSymbols)
                var plainLetters = 0
                for symbol in tokens.symbols[(joined.symbols.lowerBound + firstTried - k)..<joined.symbols.upperBound] {
                    if symbol.plain != LexiconSymbol.none { plainLetters += 1 }
                    work.joinedSymbolsRead += 1
                }
                for first in firstTried...(joined.lastJoined - 2) {
                    var part = joined
                    part.symbols = (joined.symbols.lowerBound + first - k)..<joined.symbols.upperBound
                    part.range = tokens.tokens[first].range.lowerBound..<joined.range.upperBound
                    part.plainLetters = plainLetters
                    if tokens.symbols[part.symbols.lowerBound].plain != LexiconSymbol.none { plainLetters -= 1 }
                    // Spaced digits ("4 -5.5") are numbers, not leetspeak.
                    guard Self.isCandidate(part) else { continue }
                    if let found = search.start(part, index: first, phrases: false) {
                        hits.append(Hit(entry: Int(found.entry), range: part.range, confidence: min(0.8, found.confidence)))
                        matched = true
                        break
                    }
                }
                if matched {
                    k = joined.lastJoined + 1
                    continue
                }
            }
            let token = tokens.tokens[k]
            if Self.isCandidate(token) {
                if let found = search.start(token, index: k, phrases: true) {
                    let entry = entries[Int(found.entry)]
                    if entry.name && token.capitalized && !tokens.startsSentence(text, k) {
                        k += 1
                        continue
                    }
                    hits.append(Hit(
                        entry: Int(found.entry), range: token.range.lowerBound..<tokens.tokens[found.lastToken].range.upperBound,
                        confidence: token.joined ? min(0.8, found.confidence) : found.confidence))
                    k = found.lastToken + 1
                    continue
                }
            }
            k += 1
        }
        return hits
    }

    /// A word worth walking: some plain letter, not led by a mask, at most 3 masks and no more
    /// masks than plain letters plus one (`b***h`), few substitutions.
    private static func isCandidate(_ token: LexiconTokens.Token) -> Bool {
        let count = token.symbols.count
        return token.plainLetters > 0 && count <= LexiconTokens.maxSymbols && token.masks <= 3
            && token.masks * 2 <= count + 1 && count - token.plainLetters <= token.plainLetters + 1
    }

    /// The last token of the longest allow-listed word or phrase starting at token `k`, if any.
    private func allowed(_ tokens: LexiconTokens, at k: Int, _ text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !allow.isEmpty else { return nil }
        var node = 0
        var found: Int?
        var t = k
        while t < tokens.tokens.count {
            for symbol in tokens.symbols[tokens.tokens[t].symbols] {
                guard symbol.plain != LexiconSymbol.none else { return found }
                node = allow.child(node, Int(symbol.plain))
                if node == 0 { return found }
            }
            if allow.terminal[node] >= 0 { found = t }
            guard tokens.isPhraseGap(text, after: t) else { return found }
            node = allow.child(node, LexiconTrie.space)
            if node == 0 { return found }
            t += 1
        }
        return found
    }

    /// A depth-first walk of the trie along one word (and, for phrases, the words after it).
    private struct Search {
        let trie: LexiconTrie
        let entries: [LexiconEntry]
        let tokens: LexiconTokens
        let text: UnsafeBufferPointer<UInt8>
        /// Steps left: a pathological word gives up rather than taking long.
        var budget = 4000
        /// Steps taken by every walk so far.
        var steps = 0
        var phrases = true
        var joined = false

        struct Found {
            var entry: Int32
            var lastToken: Int
            var confidence: Double
        }

        init(trie: LexiconTrie, entries: [LexiconEntry], tokens: LexiconTokens, text: UnsafeBufferPointer<UInt8>) {
            self.trie = trie
            self.entries = entries
            self.tokens = tokens
            self.text = text
        }

        mutating func start(_ token: LexiconTokens.Token, index: Int, phrases: Bool) -> Found? {
            self.phrases = phrases
            budget = 4000
            joined = token.joined
            return walk(node: 0, token: index, position: token.symbols.lowerBound, end: token.symbols.upperBound,
                        wordStart: token.symbols.lowerBound, previous: -1, substitutions: 0, masks: 0, stretched: false)
        }

        private mutating func walk(
            node: Int, token: Int, position: Int, end: Int, wordStart: Int, previous: Int,
            substitutions: Int, masks: Int, stretched: Bool
        ) -> Found? {
            budget -= 1
            steps += 1
            if budget < 0 { return nil }
            if position == end {
                if phrases, !joined, tokens.isPhraseGap(text, after: token) {
                    let next = trie.child(node, LexiconTrie.space)
                    if next != 0 {
                        let range = tokens.tokens[token + 1].symbols
                        if let found = walk(node: next, token: token + 1, position: range.lowerBound, end: range.upperBound,
                                            wordStart: range.lowerBound, previous: -1, substitutions: substitutions, masks: masks, stretched: stretched) {
                            return found
                        }
                    }
                }
                return accept(node, token: token, substitutions: substitutions, masks: masks, stretched: stretched, suffix: false)
            }
            let symbol = tokens.symbols[position]
            let plain = Int(symbol.plain)
            if symbol.plain != LexiconSymbol.none {
                let next = trie.child(node, plain)
                if next != 0, let found = walk(node: next, token: token, position: position + 1, end: end, wordStart: wordStart,
                                               previous: plain, substitutions: substitutions, masks: masks, stretched: stretched) {
                    return found
                }
            }
            var others = symbol.letters & ~(symbol.plain == LexiconSymbol.none ? 0 : 1 << UInt32(plain))
            let isMask = symbol.isMask
            while others != 0 {
                let letter = others.trailingZeroBitCount
                others &= others - 1
                let next = trie.child(node, letter)
                if next != 0, let found = walk(node: next, token: token, position: position + 1, end: end, wordStart: wordStart,
                                               previous: letter, substitutions: substitutions + (isMask ? 0 : 1),
                                               masks: masks + (isMask ? 1 : 0), stretched: stretched) {
                    return found
                }
            }
            if previous >= 0, symbol.allows(previous), !isMask,
               let found = walk(node: node, token: token, position: position + 1, end: end, wordStart: wordStart, previous: previous,
                                substitutions: substitutions + (plain == previous ? 0 : 1), masks: masks, stretched: true) {
                return found
            }
            if position > wordStart, trie.terminal[node] >= 0, isSuffix(position..<end) {
                return accept(node, token: token, substitutions: substitutions, masks: masks, stretched: stretched, suffix: true)
            }
            return nil
        }

        private func accept(_ node: Int, token: Int, substitutions: Int, masks: Int, stretched: Bool, suffix: Bool) -> Found? {
            let index = trie.terminal[node]
            guard index >= 0 else { return nil }
            let entry = entries[Int(index)]
            if entry.exact && (stretched || suffix) { return nil }
            var confidence = 0.95
            if stretched { confidence = 0.9 }
            if substitutions > 0 { confidence = min(confidence, 0.85) }
            if masks > 0 { confidence = min(confidence, 0.8) }
            return Found(entry: index, lastToken: token, confidence: confidence)
        }

        private func isSuffix(_ range: Range<Int>) -> Bool {
            let count = range.count
            for suffix in LexiconMatcher.suffixes where suffix.count == count {
                var ok = true
                for (offset, letter) in suffix.enumerated() {
                    let symbol = tokens.symbols[range.lowerBound + offset]
                    if !symbol.allows(Int(letter - UInt8(ascii: "a"))) {
                        ok = false
                        break
                    }
                }
                if ok { return true }
            }
            return false
        }
    }
}
