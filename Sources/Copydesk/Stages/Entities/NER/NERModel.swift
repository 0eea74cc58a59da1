/// A trained named-entity tagger: immutable, shareable between threads.
///
/// Weights are 16-bit integers (one row of `tagCount` per feature key) scaled by a
/// common factor per stage; transitions use the same scale. Tagging is integer
/// arithmetic only.
public final class NERModel: Sendable {
    /// The tag scheme the model was trained with.
    public let scheme: NERTagScheme
    /// One or two tagging passes.
    let stages: [NERModelStage]
    let gazetteer: NERGazetteer
    /// Key to row lookup for all stages at once.
    let table: NERFeatureTable
    let tokenizer = NERTokenizer()

    /// Number of tags, `O` included.
    public var tagCount: Int { scheme.tagCount }
    /// Number of feature rows over all stages.
    public var featureCount: Int { stages.reduce(0) { $0 + $1.keys.count } }
    /// Number of tagging passes.
    public var stageCount: Int { stages.count }
    /// Number of gazetteer entries (hashed names and name prefixes).
    public var gazetteerCount: Int { gazetteer.keys.count }

    /// Assembles a model from one or two stages.
    init(scheme: NERTagScheme, stages: [NERModelStage], gazetteer: NERGazetteer) {
        precondition(stages.count == 1 || stages.count == 2, "a model has one or two stages")
        self.scheme = scheme
        self.stages = stages
        self.gazetteer = gazetteer
        self.table = NERFeatureTable(stageKeys: stages.map(\.keys))
    }

    /// A single-stage model from its parts; `keys` must be sorted, distinct and non-zero.
    convenience init(scheme: NERTagScheme, weightScale: Float, keys: [UInt64], weights: [Int16], transitions: [Int32], gazetteer: NERGazetteer) {
        let stage = NERModelStage(scheme: scheme, weightScale: weightScale, keys: keys, weights: weights, transitions: transitions)
        self.init(scheme: scheme, stages: [stage], gazetteer: gazetteer)
    }
}
