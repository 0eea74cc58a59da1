import CopydeskPluginAPI

/// `word-stats`: counts words and sentences of a field into meta `word_count` and
/// `sentence_count`, and tags documents shorter than `min_words` with `short`.
struct WordStatsStage: PluginStage {
    let field: String
    let minWords: Int

    static let factory = PluginStageFactory(name: "word-stats", capabilities: [.meta, .tags]) { config in
        let minWords = config.int("min_words") ?? 50
        guard minWords >= 0 else { throw PluginConfigError("min_words must be 0 or more") }
        return WordStatsStage(field: config.string("field") ?? "text", minWords: minWords)
    }

    func process(_ document: inout PluginDocument) throws {
        guard let text = document[field] else { return }
        var words = 0
        var sentences = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let isWordScalar = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            if isWordScalar && !inWord { words += 1 }
            inWord = isWordScalar
            if scalar == "." || scalar == "!" || scalar == "?" { sentences += 1 }
        }
        if sentences == 0 && words > 0 { sentences = 1 }
        document.meta["word_count"] = String(words)
        document.meta["sentence_count"] = String(sentences)
        if words < minWords { document.tags.append("short") }
    }
}
