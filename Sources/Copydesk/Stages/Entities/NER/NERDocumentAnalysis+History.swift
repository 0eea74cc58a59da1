extension NERDocumentAnalysis {
    /// Derives second-stage context from first-stage labels (`labels[i]` = 0 for outside,
    /// 1 + `EntityLabel.rawValue` inside an entity): for each token its own label, its
    /// neighbours' labels, and what the first stage said about the same word elsewhere in
    /// the document.
    ///
    /// `history[i]` packs: bits 0–2 own label, 3–5 previous token's label (7 at a sentence
    /// start), 6–8 next token's label (7 at a sentence end), 9–12 the document value:
    /// 0 = the word occurs nowhere else, 1 = only outside entities elsewhere, otherwise
    /// `2 + 2 * label + (entity uses outnumber outside uses)` for the most frequent label.
    mutating func applyHistory(labels: [UInt8], sentenceStarts: [Int]) {
        historyCounts.removeAll(keepingCapacity: true)
        historySlots.removeAll(keepingCapacity: true)
        for index in infos.indices where infos[index].flags.hasWordCharacter {
            let key = infos[index].lower
            let slot: Int
            if let existing = historySlots[key] {
                slot = existing
            } else {
                slot = historyCounts.count / 5
                historySlots[key] = slot
                historyCounts.append(contentsOf: repeatElement(0, count: 5))
            }
            historyCounts[slot * 5 + Int(labels[index])] &+= 1
        }
        history.removeAll(keepingCapacity: true)
        history.append(contentsOf: repeatElement(0, count: infos.count))
        for (sentence, start) in sentenceStarts.enumerated() {
            let end = sentence + 1 < sentenceStarts.count ? sentenceStarts[sentence + 1] : infos.count
            for index in start..<end {
                let own = UInt16(labels[index])
                let previous: UInt16 = index > start ? UInt16(labels[index - 1]) : 7
                let next: UInt16 = index + 1 < end ? UInt16(labels[index + 1]) : 7
                history[index] = own | previous << 3 | next << 6 | documentValue(index, labels) << 9
            }
        }
    }

    private func documentValue(_ index: Int, _ labels: [UInt8]) -> UInt16 {
        guard infos[index].flags.hasWordCharacter, let slot = historySlots[infos[index].lower] else { return 0 }
        var counts = (0..<5).map { Int(historyCounts[slot * 5 + $0]) }
        counts[Int(labels[index])] -= 1
        let entities = counts[1...].reduce(0, +)
        if entities == 0 { return counts[0] == 0 ? 0 : 1 }
        var best = 1
        for label in 2...4 where counts[label] > counts[best] { best = label }
        return UInt16(2 + 2 * (best - 1) + (entities > counts[0] ? 1 : 0))
    }
}
