/// First-order Viterbi decoding over integer scores.
enum NERViterbi {
    /// Score of a forbidden tag or transition; far below any reachable path, far above overflow.
    static let forbidden: Int32 = -(1 << 28)

    /// Finds the best tag sequence.
    ///
    /// - Parameters:
    ///   - emissions: `count * tagCount` scores, row `i` for token `i`.
    ///   - transitions: constrained transition scores with predecessor lists.
    ///   - scores, backpointers: scratch space, resized as needed.
    ///   - tags: receives `count` tags.
    static func decode(
        emissions: UnsafeBufferPointer<Int32>,
        count: Int,
        transitions: NERTransitions,
        scores: inout [Int32],
        backpointers: inout [UInt8],
        tags: inout [UInt8]
    ) {
        tags.removeAll(keepingCapacity: true)
        guard count > 0 else { return }
        let tagCount = transitions.tagCount
        let width = tagCount + 1
        if scores.count < 2 * tagCount { scores = [Int32](repeating: 0, count: 2 * tagCount) }
        if backpointers.count < count * tagCount { backpointers = [UInt8](repeating: 0, count: count * tagCount) }
        scores.withUnsafeMutableBufferPointer { scores in
        backpointers.withUnsafeMutableBufferPointer { back in
        transitions.scores.withUnsafeBufferPointer { matrix in
        transitions.predecessors.withUnsafeBufferPointer { predecessors in
        transitions.offsets.withUnsafeBufferPointer { offsets in
            var previous = 0
            var current = tagCount
            for tag in 0..<tagCount {
                scores[tag] = matrix[tagCount * width + tag] &+ emissions[tag]
            }
            for index in 1..<max(count, 1) {
                var best = Int32.min
                for tag in 0..<tagCount {
                    var bestScore = Int32.min
                    var bestFrom = 0
                    for position in offsets[tag]..<offsets[tag + 1] {
                        let from = predecessors[position]
                        let score = scores[previous + from] &+ matrix[from * width + tag]
                        if score > bestScore { bestScore = score; bestFrom = from }
                    }
                    let total = bestScore &+ emissions[index * tagCount + tag]
                    scores[current + tag] = total
                    back[index * tagCount + tag] = UInt8(truncatingIfNeeded: bestFrom)
                    if total > best { best = total }
                }
                for tag in 0..<tagCount { scores[current + tag] &-= best }
                swap(&previous, &current)
            }
            var bestScore = Int32.min
            var bestTag = 0
            for tag in 0..<tagCount {
                let score = scores[previous + tag] &+ matrix[tag * width + tagCount]
                if score > bestScore { bestScore = score; bestTag = tag }
            }
            tags.append(contentsOf: repeatElement(0, count: count))
            var tag = bestTag
            var index = count - 1
            while true {
                tags[index] = UInt8(truncatingIfNeeded: tag)
                if index == 0 { break }
                tag = Int(back[index * tagCount + tag])
                index -= 1
            }
        }
        }
        }
        }
        }
    }

    /// Forbids, in one token's emission row, the tags that token may not take:
    /// every entity tag for words without Latin letters or digits, and every tag that
    /// would begin or end an entity for tokens of punctuation only.
    @inline(__always)
    static func restrict(_ row: UnsafeMutableBufferPointer<Int32>, flags: NERTokenFlags, scheme: NERTagScheme) {
        if flags.isEntityCandidate { return }
        if flags.hasWordCharacter {
            for tag in 1..<row.count { row[tag] = forbidden }
            return
        }
        for tag in 1..<row.count {
            let position = scheme.position(of: tag)
            if position != NERTagScheme.inside { row[tag] = forbidden }
        }
    }
}
