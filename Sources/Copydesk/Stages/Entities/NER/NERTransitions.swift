/// Transition scores prepared for decoding: the scheme's constraints applied, and for
/// every tag the list of tags allowed before it, so Viterbi skips forbidden pairs.
struct NERTransitions: Sendable {
    let tagCount: Int
    /// `(tagCount + 1)^2` scores, `from * (tagCount + 1) + to`, boundary last.
    let scores: [Int32]
    /// Allowed predecessors of tag `t`: `predecessors[offsets[t] ..< offsets[t + 1]]`.
    let predecessors: [Int]
    let offsets: [Int]

    init(learned: [Int32], scheme: NERTagScheme) {
        let tagCount = scheme.tagCount
        let width = tagCount + 1
        var scores = learned
        var predecessors: [Int] = []
        var offsets = [0]
        for to in 0...tagCount {
            for from in 0...tagCount {
                let allowed = scheme.allows(from: from == tagCount ? nil : from, to: to == tagCount ? nil : to)
                if !allowed || (from == tagCount && to == tagCount) {
                    scores[from * width + to] = NERViterbi.forbidden
                } else if from < tagCount && to < tagCount {
                    predecessors.append(from)
                }
            }
            if to < tagCount { offsets.append(predecessors.count) }
        }
        self.tagCount = tagCount
        self.scores = scores
        self.predecessors = predecessors
        self.offsets = offsets
    }
}
