/// Everything the feature extractor needs to know about one document, computed in one
/// pass before any sentence is tagged. Reused between calls to avoid allocation.
struct NERDocumentAnalysis {
    /// Per-token hashes and flags.
    var infos: [NERTokenInfo] = []
    /// Per token: bit 0 = first token of its sentence, bit 1 = sentence is in capitals.
    var positions: [UInt8] = []
    /// Per token: gazetteer matches, bit `label * 4 + position` (B, I, L, U).
    var gazetteer: [UInt16] = []
    /// Per token: bit 0 = the word is capitalised mid-sentence elsewhere in the document,
    /// bit 1 = the word is lowercase elsewhere in the document.
    var document: [UInt8] = []
    /// Per token: second-stage context, see `applyHistory(labels:sentenceStarts:)`.
    var history: [UInt16] = []
    var historyCounts: [UInt16] = []
    var historySlots: [UInt64: Int] = [:]
    private var wordCounts: [UInt64: UInt64] = [:]

    static let sentenceInitial: UInt8 = 1
    static let capitalsSentence: UInt8 = 2

    /// Analyses `tokens` of `text`, split into sentences at `sentenceStarts`.
    mutating func analyze(
        _ text: UnsafeBufferPointer<UInt8>,
        tokens: [NERTokenRange],
        sentenceStarts: [Int],
        gazetteer lexicon: NERGazetteer
    ) {
        infos.removeAll(keepingCapacity: true)
        for token in tokens { infos.append(NERTokenAnalyzer.analyze(text, token)) }
        positions.removeAll(keepingCapacity: true)
        positions.append(contentsOf: repeatElement(0, count: tokens.count))
        gazetteer.removeAll(keepingCapacity: true)
        gazetteer.append(contentsOf: repeatElement(0, count: tokens.count))
        for (sentence, start) in sentenceStarts.enumerated() {
            let end = sentence + 1 < sentenceStarts.count ? sentenceStarts[sentence + 1] : tokens.count
            markPositions(start, end)
            matchGazetteer(lexicon, start, end)
        }
        countWords()
    }

    private mutating func markPositions(_ start: Int, _ end: Int) {
        guard start < end else { return }
        var letters = 0
        var capitals = true
        for index in start..<end {
            let flags = infos[index].flags
            if flags.contains(.hasLower) { capitals = false; break }
            if flags.contains(.hasUpper) { letters += 1 }
        }
        let sentenceBits: UInt8 = capitals && letters > 0 ? Self.capitalsSentence : 0
        for index in start..<end { positions[index] = sentenceBits }
        positions[start] |= Self.sentenceInitial
    }

    private mutating func matchGazetteer(_ lexicon: NERGazetteer, _ start: Int, _ end: Int) {
        for first in start..<end {
            let flags = infos[first].flags
            guard flags.contains(.hasUpper) || flags.contains(.hasDigit) else { continue }
            var hash = NERGazetteer.seed
            var last = first
            while last < end && last - first < NERGazetteer.maxEntryTokens {
                hash = NERGazetteer.extend(hash, with: infos[last].lower)
                let found = lexicon.lookup(hash)
                if found == 0 { break }
                let labels = found & 0x0F
                if labels != 0 { mark(labels: labels, first, last) }
                if found & NERGazetteer.prefixFlag == 0 { break }
                last += 1
            }
        }
    }

    private mutating func mark(labels: UInt8, _ first: Int, _ last: Int) {
        for label in 0..<4 where labels & (1 << label) != 0 {
            let base = label * 4
            if first == last {
                gazetteer[first] |= 1 << (base + 3)
                continue
            }
            gazetteer[first] |= 1 << base
            gazetteer[last] |= 1 << (base + 2)
            for index in (first + 1)..<last { gazetteer[index] |= 1 << (base + 1) }
        }
    }

    /// How the token at `index` counts towards the document-wide word statistics:
    /// 1 = capitalised mid-sentence, 2 = lowercase, 0 = neither (or uninformative position).
    private func occurrence(_ index: Int) -> UInt64 {
        let flags = infos[index].flags
        guard positions[index] & Self.capitalsSentence == 0, flags.contains(.hasUpper) || flags.contains(.hasLower) else { return 0 }
        if flags.contains(.initialUpper) { return positions[index] & Self.sentenceInitial == 0 ? 1 : 0 }
        return 1 << 32
    }

    private mutating func countWords() {
        wordCounts.removeAll(keepingCapacity: true)
        for index in infos.indices {
            let add = occurrence(index)
            if add != 0 { wordCounts[infos[index].lower, default: 0] &+= add }
        }
        document.removeAll(keepingCapacity: true)
        for index in infos.indices {
            let counts = (wordCounts[infos[index].lower] ?? 0) &- occurrence(index)
            var bits: UInt8 = 0
            if counts & 0xFFFF_FFFF != 0 { bits |= 1 }
            if counts >> 32 != 0 { bits |= 2 }
            document.append(bits)
        }
    }
}
