/// The clickbait score of a document: 0…1, with each feature's contribution.
public struct ClickbaitScore: Sendable, Equatable {
    public var score: Double
    /// Feature id and its contribution (weight × strength), in feature order; only features that fired.
    public var features: [(id: String, value: Double)]

    public init(score: Double, features: [(id: String, value: Double)]) {
        self.score = score
        self.features = features
    }

    public static func == (lhs: ClickbaitScore, rhs: ClickbaitScore) -> Bool {
        lhs.score == rhs.score && lhs.features.elementsEqual(rhs.features) { $0.id == $1.id && $0.value == $1.value }
    }
}
