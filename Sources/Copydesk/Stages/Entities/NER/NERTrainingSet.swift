/// A corpus turned into features: every token's feature list, gold tag and flags,
/// flattened into arrays so training epochs touch no strings and no hashing.
struct NERTrainingSet {
    /// Feature keys of token `t` are `keys[keyOffsets[t] ..< keyOffsets[t + 1]]`.
    var keys: [UInt64] = []
    var keyOffsets: [Int] = [0]
    /// Feature ids after `resolve(with:)`, indexed like `ids[idOffsets[t] ..< idOffsets[t + 1]]`.
    var ids: [Int32] = []
    var idOffsets: [Int] = [0]
    /// Gold tag of each token.
    var tags: [UInt8] = []
    var flags: [NERTokenFlags] = []
    /// Token range of each sentence.
    var sentences: [Range<Int>] = []
    /// Gold entities in corpus-wide token indices.
    var entities: [TokenSpan] = []
    /// Sentence indices of each document.
    var documentSentences: [Range<Int>] = []

    var tokenCount: Int { tags.count }

    /// Extracts features for `documents`, choosing each document's gazetteer with
    /// `gazetteerFor`. With `history`, which gives each document's first-stage labels per
    /// token, second-stage keys are added after each token's first-stage keys.
    init(
        documents: [CoNLLDocument],
        scheme: NERTagScheme,
        gazetteerFor: (Int) -> NERGazetteer,
        history: ((Int) -> [UInt8])? = nil
    ) {
        var analysis = NERDocumentAnalysis()
        var sentenceTags: [UInt8] = []
        for (number, document) in documents.enumerated() {
            let base = tags.count
            let (text, tokens) = document.layout()
            text.withUnsafeBufferPointer { text in
                analysis.analyze(text, tokens: tokens, sentenceStarts: document.sentenceStarts, gazetteer: gazetteerFor(number))
            }
            if let history { analysis.applyHistory(labels: history(number), sentenceStarts: document.sentenceStarts) }
            let firstSentence = sentences.count
            for sentence in document.sentenceStarts.indices {
                let range = document.sentence(sentence)
                for index in range {
                    NERFeatureExtractor.append(token: index, sentence: range.lowerBound, range.upperBound, analysis: analysis, into: &keys)
                    if history != nil { NERFeatureExtractor.appendHistory(token: index, analysis: analysis, into: &keys) }
                    keyOffsets.append(keys.count)
                    flags.append(analysis.infos[index].flags)
                }
                let local = document.entities.filter { $0.start >= range.lowerBound && $0.end <= range.upperBound }
                    .map { TokenSpan(start: $0.start - range.lowerBound, end: $0.end - range.lowerBound, label: $0.label) }
                scheme.encode(local, count: range.count, into: &sentenceTags)
                tags.append(contentsOf: sentenceTags)
                sentences.append((base + range.lowerBound)..<(base + range.upperBound))
            }
            documentSentences.append(firstSentence..<sentences.count)
            entities.append(contentsOf: document.entities.map { TokenSpan(start: base + $0.start, end: base + $0.end, label: $0.label) })
        }
    }

    /// First token of document `number`.
    func documentStart(_ number: Int) -> Int {
        let range = documentSentences[number]
        return range.isEmpty ? tokenCount : sentences[range.lowerBound].lowerBound
    }

    /// Replaces keys by ids from `index`, dropping unknown keys, and frees the keys.
    mutating func resolve(with index: NERFeatureIndex) {
        ids.removeAll(keepingCapacity: true)
        idOffsets = [0]
        ids.reserveCapacity(keys.count)
        for token in 0..<tokenCount {
            for position in keyOffsets[token]..<keyOffsets[token + 1] {
                let id = index.id(keys[position])
                if id >= 0 { ids.append(id) }
            }
            idOffsets.append(ids.count)
        }
        keys = []
        keyOffsets = [0]
    }
}
