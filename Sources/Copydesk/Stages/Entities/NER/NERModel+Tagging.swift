extension NERModel {
    /// Finds the entities in raw UTF-8 text, treated as one document.
    public func tag(_ text: UnsafeBufferPointer<UInt8>, scratch: inout NERScratch) -> [EntitySpan] {
        tokenizer.tokenize(text, tokens: &scratch.tokens, sentenceStarts: &scratch.sentenceStarts)
        let tokens = scratch.tokens
        let spans = tagTokens(text, tokens: tokens, sentenceStarts: scratch.sentenceStarts, scratch: &scratch)
        return spans.map {
            EntitySpan(byteStart: tokens[$0.start].start, byteEnd: tokens[$0.end - 1].end, label: $0.label)
        }
    }

    /// Finds the entities in raw UTF-8 text with a temporary scratch.
    public func tag(_ text: UnsafeBufferPointer<UInt8>) -> [EntitySpan] {
        var scratch = NERScratch()
        return tag(text, scratch: &scratch)
    }

    /// Finds the entities in a string; offsets are into its UTF-8 form.
    public func tag(_ text: String) -> [EntitySpan] {
        var copy = text
        return copy.withUTF8 { tag($0) }
    }

    /// Tags text that is already tokenized (for example a CoNLL file), one document.
    /// Returns spans in token indices.
    public func tagTokens(
        _ text: UnsafeBufferPointer<UInt8>,
        tokens: [NERTokenRange],
        sentenceStarts: [Int],
        scratch: inout NERScratch
    ) -> [TokenSpan] {
        scratch.analysis.analyze(text, tokens: tokens, sentenceStarts: sentenceStarts, gazetteer: gazetteer)
        scratch.keys.removeAll(keepingCapacity: true)
        scratch.keyOffsets.removeAll(keepingCapacity: true)
        scratch.keyOffsets.append(0)
        for (sentence, start) in sentenceStarts.enumerated() {
            let end = sentence + 1 < sentenceStarts.count ? sentenceStarts[sentence + 1] : tokens.count
            for index in start..<end {
                NERFeatureExtractor.append(token: index, sentence: start, end, analysis: scratch.analysis, into: &scratch.keys)
                scratch.keyOffsets.append(scratch.keys.count)
            }
        }
        lookUpDocumentRows(&scratch)
        decodeSentences(stage: 0, sentenceStarts: sentenceStarts, tokenCount: tokens.count, scratch: &scratch)
        guard stages.count > 1 else { return scratch.spans }

        scratch.labels.removeAll(keepingCapacity: true)
        scratch.labels.append(contentsOf: repeatElement(0, count: tokens.count))
        for span in scratch.spans {
            for index in span.start..<span.end { scratch.labels[index] = 1 + span.label.rawValue }
        }
        scratch.analysis.applyHistory(labels: scratch.labels, sentenceStarts: sentenceStarts)
        scratch.historyKeys.removeAll(keepingCapacity: true)
        for index in 0..<tokens.count {
            NERFeatureExtractor.appendHistory(token: index, analysis: scratch.analysis, into: &scratch.historyKeys)
        }
        let count = scratch.historyKeys.count
        if scratch.historyRows.count < count { scratch.historyRows = [Int32](repeating: 0, count: count) }
        if scratch.unusedRows.count < count { scratch.unusedRows = [Int32](repeating: 0, count: count) }
        scratch.historyKeys.withUnsafeBufferPointer { keys in
            scratch.unusedRows.withUnsafeMutableBufferPointer { unused in
                scratch.historyRows.withUnsafeMutableBufferPointer { table.rows(of: keys, first: unused, second: $0) }
            }
        }
        decodeSentences(stage: 1, sentenceStarts: sentenceStarts, tokenCount: tokens.count, scratch: &scratch)
        return scratch.spans
    }

    /// Looks up the rows of every document key, for all stages in one batch.
    private func lookUpDocumentRows(_ scratch: inout NERScratch) {
        let count = scratch.keys.count
        let twoStages = stages.count > 1
        if scratch.rows.count < count { scratch.rows = [Int32](repeating: 0, count: count) }
        if twoStages && scratch.secondRows.count < count { scratch.secondRows = [Int32](repeating: 0, count: count) }
        scratch.keys.withUnsafeBufferPointer { keys in
            scratch.rows.withUnsafeMutableBufferPointer { first in
                scratch.secondRows.withUnsafeMutableBufferPointer { second in
                    table.rows(of: keys, first: first, second: twoStages ? second : nil)
                }
            }
        }
    }

    /// Scores and decodes every sentence with stage `number`, leaving spans in `scratch.spans`.
    private func decodeSentences(stage number: Int, sentenceStarts: [Int], tokenCount: Int, scratch: inout NERScratch) {
        let stage = stages[number]
        let tagCount = self.tagCount
        let perToken = NERFeatureExtractor.historyKeysPerToken
        let offsets = scratch.keyOffsets
        let infos = scratch.analysis.infos
        let documentRows = number == 0 ? scratch.rows : scratch.secondRows
        scratch.spans.removeAll(keepingCapacity: true)
        for (sentence, start) in sentenceStarts.enumerated() {
            let end = sentence + 1 < sentenceStarts.count ? sentenceStarts[sentence + 1] : tokenCount
            guard start < end else { continue }
            let needed = (end - start) * tagCount
            if scratch.emissions.count < needed { scratch.emissions = [Int32](repeating: 0, count: needed) }
            documentRows.withUnsafeBufferPointer { found in
            scratch.historyRows.withUnsafeBufferPointer { history in
            scratch.emissions.withUnsafeMutableBufferPointer { emissions in
                for index in start..<end {
                    let local = index - start
                    let row = UnsafeMutableBufferPointer(rebasing: emissions[(local * tagCount)..<((local + 1) * tagCount)])
                    for tag in 0..<tagCount { row[tag] = 0 }
                    stage.rows.accumulate(UnsafeBufferPointer(rebasing: found[offsets[index]..<offsets[index + 1]]), into: row)
                    if number > 0 {
                        stage.rows.accumulate(UnsafeBufferPointer(rebasing: history[(index * perToken)..<((index + 1) * perToken)]), into: row)
                    }
                    NERViterbi.restrict(row, flags: infos[index].flags, scheme: scheme)
                }
            }
            }
            }
            scratch.emissions.withUnsafeBufferPointer { emissions in
                NERViterbi.decode(emissions: emissions, count: end - start, transitions: stage.decodingTransitions,
                                  scores: &scratch.scores, backpointers: &scratch.backpointers, tags: &scratch.tags)
            }
            let first = scratch.spans.count
            scratch.tags.withUnsafeBufferPointer { scheme.decode($0, offset: start, into: &scratch.spans) }
            NERSpanTrimmer.trim(&scratch.spans, from: first) { infos[$0].flags }
        }
    }
}
