extension WorkerContext {
    /// Counts one document's findings for `--stats`: every finding is a hit of its rule, and the
    /// document counts once for each rule that found anything in it.
    /// - Parameter ruleIndices: the rule index (in `Stage.ruleIDs` order) of each finding, or nil
    ///   for a finding of no listed rule.
    func countFindings(ruleIndices: some Sequence<Int?>) {
        var hits: [Int: Int] = [:]
        for case let index? in ruleIndices { hits[index, default: 0] += 1 }
        for (index, count) in hits {
            countRule(index) { $0.hits += count; $0.documentsHit += 1 }
        }
    }
}
