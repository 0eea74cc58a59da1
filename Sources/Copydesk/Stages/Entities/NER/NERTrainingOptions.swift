/// Settings for `NERTrainer`.
public struct NERTrainingOptions: Sendable {
    /// Passes over the training sentences.
    public var epochs = 10
    /// Seed for the sentence order of each epoch.
    public var seed: UInt64 = 1
    /// Tag scheme.
    public var scheme = NERTagScheme.bio
    /// Features seen fewer times than this in the training data are dropped.
    public var featureCutoff = 2
    /// The training documents are split into this many folds; each fold's gazetteer
    /// features come from names in the other folds, so the model learns how far to trust
    /// the gazetteer on names it has not seen. 0 or 1 disables gazetteer features.
    public var gazetteerFolds = 5
    /// 1 = one tagging pass; 2 = a second pass that sees the first pass's labels for the
    /// whole document (more consistent, about half the tagging speed).
    public var stages = 2
    /// With two stages: folds used to produce held-out first-stage labels for training.
    public var historyFolds = 5

    public init() {}
}
