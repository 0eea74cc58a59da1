/// Exact-match entity scores in the manner of conlleval: an entity counts as correct only
/// when its label and both boundaries match a gold entity.
public struct NEREvaluation: Sendable, Equatable {
    /// Per label (indexed by `EntityLabel.rawValue`): gold entities, predicted entities, correct ones.
    public private(set) var gold = [Int](repeating: 0, count: 4)
    public private(set) var predicted = [Int](repeating: 0, count: 4)
    public private(set) var correct = [Int](repeating: 0, count: 4)
    /// Tokens scored, and tokens whose label (or lack of one) matches gold.
    public private(set) var tokens = 0
    public private(set) var tokensCorrect = 0

    public init() {}

    /// Adds one document (or sentence) of `tokenCount` tokens.
    public mutating func add(gold goldSpans: [TokenSpan], predicted predictedSpans: [TokenSpan], tokenCount: Int) {
        let goldSet = Set(goldSpans)
        for span in goldSpans { gold[Int(span.label.rawValue)] += 1 }
        for span in predictedSpans {
            predicted[Int(span.label.rawValue)] += 1
            if goldSet.contains(span) { correct[Int(span.label.rawValue)] += 1 }
        }
        var goldLabels = [Int](repeating: -1, count: tokenCount)
        var predictedLabels = [Int](repeating: -1, count: tokenCount)
        for span in goldSpans { for index in span.start..<span.end where index < tokenCount { goldLabels[index] = Int(span.label.rawValue) } }
        for span in predictedSpans { for index in span.start..<span.end where index < tokenCount { predictedLabels[index] = Int(span.label.rawValue) } }
        tokens += tokenCount
        tokensCorrect += zip(goldLabels, predictedLabels).filter { $0 == $1 }.count
    }

    /// Precision, recall and F1 for one label, or for all labels pooled (micro average) when nil.
    public func scores(_ label: EntityLabel? = nil) -> (precision: Double, recall: Double, f1: Double) {
        let c = label.map { correct[Int($0.rawValue)] } ?? correct.reduce(0, +)
        let p = label.map { predicted[Int($0.rawValue)] } ?? predicted.reduce(0, +)
        let g = label.map { gold[Int($0.rawValue)] } ?? gold.reduce(0, +)
        let precision = p == 0 ? 0 : Double(c) / Double(p)
        let recall = g == 0 ? 0 : Double(c) / Double(g)
        let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        return (precision, recall, f1)
    }

    /// A conlleval-style report.
    public func report() -> String {
        func pct(_ value: Double) -> String {
            let scaled = Int((value * 10000).rounded())
            let fraction = scaled % 100
            return "\(scaled / 100).\(fraction < 10 ? "0" : "")\(fraction)%"
        }
        let all = scores()
        let accuracy = tokens == 0 ? 0 : Double(tokensCorrect) / Double(tokens)
        var lines = [
            "processed \(tokens) tokens with \(gold.reduce(0, +)) phrases; found: \(predicted.reduce(0, +)) phrases; correct: \(correct.reduce(0, +)).",
            "accuracy: \(pct(accuracy)); precision: \(pct(all.precision)); recall: \(pct(all.recall)); FB1: \(pct(all.f1))",
        ]
        for label in EntityLabel.allCases.sorted(by: { $0.name < $1.name }) {
            let s = scores(label)
            let name = label.name + String(repeating: " ", count: max(0, 5 - label.name.count))
            lines.append("\(name): precision: \(pct(s.precision)); recall: \(pct(s.recall)); FB1: \(pct(s.f1))  \(predicted[Int(label.rawValue)])")
        }
        return lines.joined(separator: "\n")
    }
}
