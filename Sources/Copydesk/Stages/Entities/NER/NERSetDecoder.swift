/// Decodes sentences of a `NERTrainingSet` with dense weights indexed by feature id.
struct NERSetDecoder {
    let scheme: NERTagScheme
    var emissions: [Int32] = []
    var scores: [Int32] = []
    var backpointers: [UInt8] = []
    var tags: [UInt8] = []

    init(scheme: NERTagScheme) { self.scheme = scheme }

    /// Best tags for `sentence`, left in `tags`.
    mutating func decode<W: FixedWidthInteger>(_ set: NERTrainingSet, sentence: Range<Int>, weights: [W], transitions: NERTransitions) {
        let tagCount = scheme.tagCount
        let needed = sentence.count * tagCount
        if emissions.count < needed { emissions = [Int32](repeating: 0, count: needed) }
        emissions.withUnsafeMutableBufferPointer { emissions in
            weights.withUnsafeBufferPointer { weights in
                set.ids.withUnsafeBufferPointer { ids in
                    for token in sentence {
                        let rowStart = (token - sentence.lowerBound) * tagCount
                        let row = UnsafeMutableBufferPointer(rebasing: emissions[rowStart..<(rowStart + tagCount)])
                        for tag in 0..<tagCount { row[tag] = 0 }
                        for position in set.idOffsets[token]..<set.idOffsets[token + 1] {
                            let base = Int(ids[position]) * tagCount
                            for tag in 0..<tagCount { row[tag] &+= Int32(truncatingIfNeeded: weights[base + tag]) }
                        }
                        NERViterbi.restrict(row, flags: set.flags[token], scheme: scheme)
                    }
                }
            }
        }
        emissions.withUnsafeBufferPointer { emissions in
            NERViterbi.decode(emissions: emissions, count: sentence.count, transitions: transitions,
                              scores: &scores, backpointers: &backpointers, tags: &tags)
        }
    }

    /// Predicted entities (script rule applied) for the given sentences of `set`.
    mutating func predict<W: FixedWidthInteger>(
        _ set: NERTrainingSet, sentences: some Sequence<Int>, weights: [W], transitions: [Int32]
    ) -> [TokenSpan] {
        let constrained = NERTransitions(learned: transitions, scheme: scheme)
        var predicted: [TokenSpan] = []
        for sentenceIndex in sentences {
            let sentence = set.sentences[sentenceIndex]
            decode(set, sentence: sentence, weights: weights, transitions: constrained)
            let first = predicted.count
            tags.withUnsafeBufferPointer { scheme.decode($0, offset: sentence.lowerBound, into: &predicted) }
            NERSpanTrimmer.trim(&predicted, from: first) { set.flags[$0] }
        }
        return predicted
    }

    /// Scores the whole set against its gold entities.
    mutating func evaluate<W: FixedWidthInteger>(_ set: NERTrainingSet, weights: [W], transitions: [Int32]) -> NEREvaluation {
        let predicted = predict(set, sentences: set.sentences.indices, weights: weights, transitions: transitions)
        var evaluation = NEREvaluation()
        evaluation.add(gold: set.entities, predicted: predicted, tokenCount: set.tokenCount)
        return evaluation
    }

}
