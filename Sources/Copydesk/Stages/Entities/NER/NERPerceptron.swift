/// Structured averaged perceptron over integer weights.
///
/// Weights change by ±1 per mistake; `totals` accumulates each change times the update
/// clock, so the averaged weight is `weight - total / clock` (the usual lazy averaging).
/// All arithmetic is integer, hence exactly reproducible.
struct NERPerceptron {
    let tagCount: Int
    private(set) var weights: [Int32]
    private var totals: [Int64]
    private(set) var transitions: [Int32]
    private var transitionTotals: [Int64]
    private var clock: Int64 = 1

    init(featureCount: Int, tagCount: Int) {
        self.tagCount = tagCount
        weights = [Int32](repeating: 0, count: featureCount * tagCount)
        totals = [Int64](repeating: 0, count: featureCount * tagCount)
        transitions = [Int32](repeating: 0, count: (tagCount + 1) * (tagCount + 1))
        transitionTotals = [Int64](repeating: 0, count: (tagCount + 1) * (tagCount + 1))
    }

    /// Moves the weights towards `gold` and away from `predicted` for one sentence whose
    /// first token is `start` in `set`.
    mutating func update(set: NERTrainingSet, start: Int, gold: ArraySlice<UInt8>, predicted: [UInt8]) {
        let width = tagCount + 1
        var goldPrevious = tagCount
        var predictedPrevious = tagCount
        for offset in 0...predicted.count {
            let goldTag = offset < predicted.count ? Int(gold[gold.startIndex + offset]) : tagCount
            let predictedTag = offset < predicted.count ? Int(predicted[offset]) : tagCount
            if goldTag != predictedTag || goldPrevious != predictedPrevious {
                bumpTransition(goldPrevious * width + goldTag, by: 1)
                bumpTransition(predictedPrevious * width + predictedTag, by: -1)
            }
            if offset < predicted.count && goldTag != predictedTag {
                let token = start + offset
                for position in set.idOffsets[token]..<set.idOffsets[token + 1] {
                    let row = Int(set.ids[position]) * tagCount
                    bump(row + goldTag, by: 1)
                    bump(row + predictedTag, by: -1)
                }
            }
            goldPrevious = goldTag
            predictedPrevious = predictedTag
        }
    }

    /// Advances the averaging clock; call once per training sentence.
    mutating func tick() { clock += 1 }

    @inline(__always)
    private mutating func bump(_ index: Int, by delta: Int32) {
        weights[index] &+= delta
        totals[index] &+= Int64(delta) * clock
    }

    @inline(__always)
    private mutating func bumpTransition(_ index: Int, by delta: Int32) {
        transitions[index] &+= delta
        transitionTotals[index] &+= Int64(delta) * clock
    }

    /// Averaged weights and transitions.
    func averaged() -> (weights: [Double], transitions: [Double]) {
        let c = Double(clock)
        let w = zip(weights, totals).map { Double($0) - Double($1) / c }
        let t = zip(transitions, transitionTotals).map { Double($0) - Double($1) / c }
        return (w, t)
    }
}
