/// The `clickbait` stage: scores the title and the first short lines of the text (the teaser) from
/// 0 to 1. Each feature's contribution is its weight times its strongest strength on any of
/// those lines; contributions combine as a noisy-or, `1 - Π(1 - c)`. At or over `threshold`
/// the document gets a `clickbait` finding, handled by the policy like any other.
public struct ClickbaitStage: Stage {
    public let id: String
    public var kind: String { "clickbait" }
    public let features: [ClickbaitFeature]
    public let threshold: Double
    let titleField: String
    let textField: String
    let teaserLines: Int
    let severity: Severity
    let source: TraceSource
    let recorder: ModerationRecorder
    let examples: [ModerationExample]

    init(
        id: String, features: [ClickbaitFeature], threshold: Double, titleField: String, textField: String, teaserLines: Int,
        severity: Severity, source: TraceSource, recorder: ModerationRecorder, examples: [ModerationExample]
    ) {
        self.id = id
        self.features = features
        self.threshold = threshold
        self.titleField = titleField
        self.textField = textField
        self.teaserLines = teaserLines
        self.severity = severity
        self.source = source
        self.recorder = recorder
        self.examples = examples
    }

    public var ruleIDs: [String] { features.map(\.id) }

    public var canThrow: Bool { false }

    public func process(_ document: inout Document, context: WorkerContext) {
        let lines = self.lines(of: document)
        let score = self.score(lines.map(\.text))
        document.clickbait = score
        if context.collectsStats {
            for (index, feature) in features.enumerated() where score.features.contains(where: { $0.id == feature.id }) {
                context.countRule(index) { $0.hits += 1; $0.documentsHit += 1 }
            }
        }
        var findings: [ModerationFinding] = []
        if score.score >= threshold, let first = lines.first {
            findings.append(ModerationFinding(
                type: "clickbait", category: "clickbait", severity: severity, source: source,
                field: first.field, range: first.range, confidence: score.score))
        }
        recorder.record(findings, in: &document)
    }

    /// The score of a headline and its teaser lines.
    public func score(_ lines: [String]) -> ClickbaitScore {
        score(lines.map(ClickbaitLine.init))
    }

    func score(_ lines: [ClickbaitLine]) -> ClickbaitScore {
        var remaining = 1.0
        var fired: [(id: String, value: Double)] = []
        for feature in features {
            var strength = 0.0
            for line in lines {
                strength = max(strength, feature.strength(line))
                if strength >= 1 { break }
            }
            guard strength > 0 else { continue }
            let contribution = min(1, feature.weight * strength)
            remaining *= 1 - contribution
            fired.append((feature.id, contribution))
        }
        return ClickbaitScore(score: 1 - remaining, features: fired)
    }

    /// Teaser lines are short; a longer line starts the body.
    static let maxTeaserBytes = 200

    /// The title and up to `teaserLines` non-empty lines of the text, with where each is.
    private func lines(of document: Document) -> [(field: String, range: Range<Int>, text: ClickbaitLine)] {
        var lines: [(field: String, range: Range<Int>, text: ClickbaitLine)] = []
        if let title = document.field(titleField), !title.isEmpty {
            lines.append((titleField, title.indices, ClickbaitLine(title)))
        }
        guard teaserLines > 0, let text = document.field(textField) else { return lines }
        var start = 0
        var taken = 0
        while start < text.count, taken < teaserLines {
            let end = text[start...].firstIndex(of: UInt8(ascii: "\n")) ?? text.count
            if end > start {
                // A long first line is the body, not a teaser.
                if end - start > Self.maxTeaserBytes { break }
                lines.append((textField, start..<end, ClickbaitLine(text[start..<end])))
                taken += 1
            }
            start = end + 1
        }
        return lines
    }

    public func runExamples(context: WorkerContext) -> [ExampleResult] {
        examples.map { example in
            if let feature = features.first(where: { $0.id == example.what }) {
                let fired = feature.strength(example.input) > 0
                return example.result(fired: fired, what: "feature \(feature.id)")
            }
            let score = self.score([example.input]).score
            return example.result(fired: score >= threshold, what: "clickbait (score \(JSONWriter.rounded(score)), threshold \(threshold))")
        }
    }
}
