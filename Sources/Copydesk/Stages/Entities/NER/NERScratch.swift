/// Per-thread working memory for `NERModel.tag`. Create one per worker and reuse it:
/// its buffers grow to the largest document seen and are then recycled.
public struct NERScratch {
    var tokens: [NERTokenRange] = []
    var sentenceStarts: [Int] = []
    var analysis = NERDocumentAnalysis()
    /// Feature keys of the whole document; token `i` owns `keys[keyOffsets[i] ..< keyOffsets[i + 1]]`.
    var keys: [UInt64] = []
    var keyOffsets: [Int] = []
    /// Second-stage keys, `historyKeysPerToken` per token.
    var historyKeys: [UInt64] = []
    /// Rows of `keys` in each stage, and of `historyKeys` in the second stage.
    var rows: [Int32] = []
    var secondRows: [Int32] = []
    var historyRows: [Int32] = []
    var unusedRows: [Int32] = []
    /// Scores of the sentence being decoded.
    var emissions: [Int32] = []
    var scores: [Int32] = []
    var backpointers: [UInt8] = []
    var tags: [UInt8] = []
    var spans: [TokenSpan] = []
    /// First-stage label per token (0 = outside, 1 + label).
    var labels: [UInt8] = []

    public init() {}
}
