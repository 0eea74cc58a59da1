/// One tagging pass: feature weights and transitions. A model has one stage, or two
/// when the second re-tags with the first stage's document-wide decisions as features.
struct NERModelStage: Sendable {
    /// Real value of one weight unit (for information; decoding needs only the integers).
    let weightScale: Float
    /// Feature keys, sorted; `keys[row]` owns weight row `row`.
    let keys: [UInt64]
    /// `keys.count * tagCount` weights.
    let weights: [Int16]
    /// Learned transition scores, `(tagCount + 1)^2`, boundary last.
    let transitions: [Int32]
    let rows: NERWeightRows
    let decodingTransitions: NERTransitions

    /// `keys` must be sorted, distinct and non-zero.
    init(scheme: NERTagScheme, weightScale: Float, keys: [UInt64], weights: [Int16], transitions: [Int32]) {
        self.weightScale = weightScale
        self.keys = keys
        self.weights = weights
        self.transitions = transitions
        self.rows = NERWeightRows(weights: weights, tagCount: scheme.tagCount)
        self.decodingTransitions = NERTransitions(learned: transitions, scheme: scheme)
    }
}
