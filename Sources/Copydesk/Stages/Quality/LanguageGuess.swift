/// A cheap guess at the language of Latin-script text from its most common function words, to tell
/// German, French, Spanish, Portuguese, Italian or Dutch text from English that merely lacks stop words.
enum LanguageGuess {
    /// Function words that are frequent in one language and not words of the others.
    static let functionWords: [(language: String, words: [String])] = [
        ("en", ["the", "and", "of", "to", "is", "that", "with", "was", "for", "are", "this", "have"]),
        ("de", ["der", "die", "und", "das", "nicht", "ist", "mit", "den", "von", "ein", "auch", "sich"]),
        ("fr", ["le", "les", "et", "des", "est", "une", "dans", "pour", "du", "qui", "pas", "sur"]),
        ("es", ["el", "los", "las", "del", "y", "una", "por", "con", "para", "como", "pero", "más"]),
        ("pt", ["os", "não", "uma", "com", "ao", "pelo", "são", "também", "foi", "ele", "às", "mais"]),
        ("it", ["il", "che", "della", "non", "sono", "gli", "è", "nel", "anche", "alla", "degli", "questo"]),
        ("nl", ["het", "een", "niet", "zijn", "voor", "ook", "maar", "naar", "wordt", "dit", "bij", "werd"]),
    ]

    private static let table: [[UInt8]: Int] = {
        var table: [[UInt8]: Int] = [:]
        for (index, entry) in functionWords.enumerated() {
            for word in entry.words { table[Array(word.utf8)] = index }
        }
        return table
    }()

    /// The language whose function words occur at least `minimumHits` times and more than twice as
    /// often as English ones; nil for English or when too few function words occur.
    static func nonEnglishLanguage(_ text: UnsafeBufferPointer<UInt8>, words: WordList, minimumHits: Int = 5) -> String? {
        var hits = [Int](repeating: 0, count: functionWords.count)
        var key: [UInt8] = []
        for word in words.words where word.end - word.start <= 7 {
            key.removeAll(keepingCapacity: true)
            for i in Int(word.start)..<Int(word.end) { key.append(PythonText.lower(text[i])) }
            if let index = table[key] { hits[index] += 1 }
        }
        guard let best = hits.indices.dropFirst().max(by: { hits[$0] < hits[$1] }) else { return nil }
        return hits[best] >= minimumHits && hits[best] > 2 * hits[0] ? functionWords[best].language : nil
    }
}
