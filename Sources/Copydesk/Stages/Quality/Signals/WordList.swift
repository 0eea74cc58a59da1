/// The words of a document as datatrove sees them (`split_into_words`: spaCy tokens, whitespace
/// tokens dropped), with what the Gopher checks need of each, gathered in the tokenizing pass.
struct WordList: TokenSink {
    /// Byte ranges of the words.
    var starts: [Int32] = []
    var ends: [Int32] = []
    /// Length of each word in code points (Python `len`).
    var lengths: [Int32] = []
    /// FNV-1a hash of each word's bytes (word identity for n-grams).
    var hashes: [UInt64] = []
    /// Polynomial hash of each word's bytes and `base^bytes`, to hash concatenations of words.
    var polynomials: [UInt64] = []
    var powers: [UInt64] = []
    /// Words with a character outside datatrove's `PUNCTUATION_SET`, and their total length.
    var nonSymbolWords = 0
    var nonSymbolLength = 0
    /// Words with an alphabetic character (`any(c.isalpha() for c in w)`).
    var alphaWords = 0
    /// Bit i set when stop word i of `stopWords` occurs.
    var stopWordsSeen: UInt64 = 0

    private let text: UnsafeBufferPointer<UInt8>
    private let stopWords: StopWords

    /// The base of the polynomial hash (odd, so powers never vanish modulo 2^64).
    static let base: UInt64 = 0x9E37_79B9_7F4A_7C15

    init(text: UnsafeBufferPointer<UInt8>, stopWords: StopWords, capacity: Int) {
        self.text = text
        self.stopWords = stopWords
        starts.reserveCapacity(capacity)
        ends.reserveCapacity(capacity)
        lengths.reserveCapacity(capacity)
        hashes.reserveCapacity(capacity)
        polynomials.reserveCapacity(capacity)
        powers.reserveCapacity(capacity)
    }

    var count: Int { starts.count }

    mutating func space(_ start: Int, _ end: Int) {}

    mutating func token(_ start: Int, _ end: Int) {
        var fnv: UInt64 = 0xcbf2_9ce4_8422_2325
        var poly: UInt64 = 0
        var power: UInt64 = 1
        var length = 0
        var nonSymbol = false
        var alpha = false
        var ascii = true
        for i in start..<end {
            let byte = text[i]
            fnv = (fnv ^ UInt64(byte)) &* 0x100_0000_01b3
            poly = poly &* Self.base &+ UInt64(byte) &+ 1
            power = power &* Self.base
            if byte & 0xC0 != 0x80 { length += 1 }
            if byte < 0x80 {
                if Self.asciiNonPunctuation[Int(byte)] { nonSymbol = true }
                if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A { alpha = true }
            } else {
                ascii = false
            }
        }
        if !ascii {
            var i = start
            while i < end {
                let (scalar, size) = ScalarClass.decode(text, at: i, end: end)
                if scalar >= 0x80 {
                    if !nonSymbol && !ScalarClass.isDatatrovePunctuation(scalar) { nonSymbol = true }
                    if !alpha && ScalarClass.isAlpha(scalar) { alpha = true }
                }
                i += size
            }
        }
        starts.append(Int32(start))
        ends.append(Int32(end))
        lengths.append(Int32(length))
        hashes.append(fnv)
        polynomials.append(poly)
        powers.append(power)
        if nonSymbol {
            nonSymbolWords += 1
            nonSymbolLength += length
        }
        if alpha { alphaWords += 1 }
        if end - start <= stopWords.longest, let index = stopWords.index(of: UnsafeBufferPointer(rebasing: text[start..<end])) {
            stopWordsSeen |= 1 << UInt64(index)
        }
    }

    /// ASCII bytes that are not in datatrove's `PUNCTUATION_SET` (letters, digits, space).
    static let asciiNonPunctuation: [Bool] = (0..<128).map { byte in
        !CharacterTables.contains(CharacterTables.datatrovePunctuation, UInt32(byte))
    }

    /// How many distinct stop words occur.
    var distinctStopWords: Int { stopWordsSeen.nonzeroBitCount }
}

/// Gopher's stop words (datatrove `STOP_WORDS`, or the configured list): exact, case-sensitive.
struct StopWords: Sendable {
    let words: [[UInt8]]
    let longest: Int

    static let gopher = StopWords(["the", "be", "to", "of", "and", "that", "have", "with"])

    init(_ words: [String]) {
        // Distinct words, at most 64 (one bit each).
        var seen: [[UInt8]] = []
        for word in words where !seen.contains(Array(word.utf8)) && seen.count < 64 { seen.append(Array(word.utf8)) }
        self.words = seen
        self.longest = seen.map(\.count).max() ?? 0
    }

    func index(of word: UnsafeBufferPointer<UInt8>) -> Int? {
        for (index, candidate) in words.enumerated() where candidate.count == word.count {
            if candidate.withUnsafeBufferPointer({ memcmpEqual($0, word) }) { return index }
        }
        return nil
    }
}
