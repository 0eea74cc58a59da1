/// The words of a document as datatrove sees them (`split_into_words`: spaCy tokens, whitespace
/// tokens dropped), with what the Gopher checks need of each, gathered in the tokenizing pass.
struct WordList: TokenSink {
    /// One word: its bytes, its length in code points (Python `len`), the FNV-1a hash of its bytes
    /// (identity for n-grams), and the polynomial hash of its bytes with `base^bytes`, to hash
    /// concatenations of words.
    struct Word {
        var start: Int32
        var end: Int32
        var length: Int32
        var hash: UInt64
        var polynomial: UInt64
        var power: UInt64
        /// The inverse of `power` modulo 2^64.
        var inversePower: UInt64
    }

    var words: [Word] = []
    /// Words with a character outside datatrove's `PUNCTUATION_SET`, and their total length.
    var nonSymbolWords = 0
    var nonSymbolLength = 0
    /// Words with an alphabetic character (`any(c.isalpha() for c in w)`).
    var alphaWords = 0
    /// Bit i set when stop word i of `stopWords` occurs.
    var stopWordsSeen: UInt64 = 0
    /// Letters (`isalpha`) in the words, and how many of them are Latin, for script detection.
    var letters = 0
    var latinLetters = 0

    private let text: UnsafeBufferPointer<UInt8>
    private let stopWords: StopWords

    /// The base of the polynomial hash (odd, so powers never vanish modulo 2^64).
    static let base: UInt64 = 0x9E37_79B9_7F4A_7C15
    /// base⁻¹ modulo 2^64 (Newton's iteration; each step doubles the correct low bits).
    static let inverseBase: UInt64 = {
        var x = base
        for _ in 0..<6 { x = x &* (2 &- base &* x) }
        return x
    }()

    init(text: UnsafeBufferPointer<UInt8>, stopWords: StopWords, capacity: Int) {
        self.text = text
        self.stopWords = stopWords
        words.reserveCapacity(capacity)
    }

    var count: Int { words.count }

    mutating func space(_ start: Int, _ end: Int) {}

    mutating func token(_ start: Int, _ end: Int) {
        var fnv: UInt64 = 0xcbf2_9ce4_8422_2325
        var poly: UInt64 = 0
        var power: UInt64 = 1
        var inversePower: UInt64 = 1
        let inverseBase = Self.inverseBase
        var length = 0
        var nonSymbol = false
        var alpha = false
        var ascii = true
        var asciiLetters = 0
        for i in start..<end {
            let byte = text[i]
            fnv = (fnv ^ UInt64(byte)) &* 0x100_0000_01b3
            poly = poly &* Self.base &+ UInt64(byte) &+ 1
            power = power &* Self.base
            inversePower = inversePower &* inverseBase
            if byte < 0x80 {
                length += 1
                // In ASCII, only letters and digits are outside PUNCTUATION_SET (a word has no whitespace).
                let folded = byte | 0x20
                if folded >= 0x61 && folded <= 0x7A {
                    alpha = true
                    nonSymbol = true
                    asciiLetters += 1
                } else if byte >= 0x30 && byte <= 0x39 {
                    nonSymbol = true
                }
            } else {
                if byte & 0xC0 != 0x80 { length += 1 }
                ascii = false
            }
        }
        letters += asciiLetters
        latinLetters += asciiLetters
        if !ascii {
            var i = start
            while i < end {
                let (scalar, size) = ScalarClass.decode(text, at: i, end: end)
                // General punctuation, symbols and arrows (curly quotes, dashes) are neither letters nor words.
                if scalar >= 0x80 && !ScalarClass.isPunctuationBlock(scalar) {
                    if !nonSymbol && !ScalarClass.isDatatrovePunctuation(scalar) { nonSymbol = true }
                    if ScalarClass.isAlpha(scalar) {
                        alpha = true
                        letters += 1
                        // Latin-1 Supplement, Latin Extended-A/B, IPA, Latin Extended Additional.
                        if (0xC0...0x2AF).contains(scalar) || (0x1E00...0x1EFF).contains(scalar) { latinLetters += 1 }
                    }
                } else if scalar >= 0x80, !nonSymbol, !ScalarClass.isDatatrovePunctuation(scalar) {
                    nonSymbol = true
                }
                i += size
            }
        }
        words.append(Word(start: Int32(start), end: Int32(end), length: Int32(length), hash: fnv, polynomial: poly, power: power, inversePower: inversePower))
        if nonSymbol {
            nonSymbolWords += 1
            nonSymbolLength += length
        }
        if alpha { alphaWords += 1 }
        if end - start <= stopWords.longest, let index = stopWords.index(of: UnsafeBufferPointer(rebasing: text[start..<end])) {
            stopWordsSeen |= 1 << UInt64(index)
        }
    }

    /// The share of Latin letters among the letters (1 when there are none).
    var latinShare: Double { letters == 0 ? 1 : Double(latinLetters) / Double(letters) }

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
