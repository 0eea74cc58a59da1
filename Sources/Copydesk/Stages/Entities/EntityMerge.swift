/// Resolves overlapping entity candidates from several taggers into one non-overlapping list.
enum EntityMerge {
    /// Longest first, then by tagger precedence, then leftmost; the result is in text order.
    static func resolve(_ candidates: [Entity], priority: [Entity.Source]) -> [Entity] {
        func rank(_ source: Entity.Source) -> Int { priority.firstIndex(of: source) ?? priority.count }
        let ordered = candidates.indices.sorted { a, b in
            let x = candidates[a], y = candidates[b]
            if x.range.count != y.range.count { return x.range.count > y.range.count }
            if rank(x.source) != rank(y.source) { return rank(x.source) < rank(y.source) }
            return (x.range.lowerBound, a) < (y.range.lowerBound, b)
        }
        var kept: [Entity] = []
        for index in ordered {
            let candidate = candidates[index]
            if !kept.contains(where: { $0.range.overlaps(candidate.range) }) { kept.append(candidate) }
        }
        return kept.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}
