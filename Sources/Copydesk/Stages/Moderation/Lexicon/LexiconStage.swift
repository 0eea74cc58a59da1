/// The `lexicon` stage: word and phrase lists by category and severity, matched through
/// obfuscation (see `LexiconMatcher`), with each finding flagged, redacted, tagged or dropped
/// as the pipeline's `policy:` or the stage's `action:` says.
public struct LexiconStage: Stage {
    public let id: String
    public var kind: String { "lexicon" }
    public let fields: [String]
    public let matcher: LexiconMatcher
    let recorder: ModerationRecorder
    let examples: [ModerationExample]

    init(id: String, fields: [String], matcher: LexiconMatcher, recorder: ModerationRecorder, examples: [ModerationExample]) {
        self.id = id
        self.fields = fields
        self.matcher = matcher
        self.recorder = recorder
        self.examples = examples
    }

    public var ruleIDs: [String] { matcher.entries.map(\.id) }

    public var canThrow: Bool { false }

    public func process(_ document: inout Document, context: WorkerContext) {
        let findings = self.findings(in: document)
        if context.collectsStats {
            context.countFindings(ruleIndices: findings.map { finding in
                matcher.entries.firstIndex { $0.source === finding.source }
            })
        }
        recorder.record(findings, in: &document)
    }

    /// Every match in the stage's fields, as findings (before the policy chooses actions).
    func findings(in document: Document) -> [ModerationFinding] {
        var findings: [ModerationFinding] = []
        for field in fields {
            guard let text = document.field(field) else { continue }
            for hit in text.withUnsafeBufferPointer({ matcher.hits(in: $0) }) {
                let entry = matcher.entries[hit.entry]
                findings.append(ModerationFinding(
                    type: "lexicon", category: entry.category, severity: entry.severity, source: entry.source,
                    field: field, range: hit.range, confidence: hit.confidence))
            }
        }
        return findings
    }

    public func runExamples(context: WorkerContext) -> [ExampleResult] {
        examples.map { example in
            let found = findings(in: Document(fields: [fields.first ?? "text": Array(example.input.utf8)]))
            let fired = found.contains { $0.category == example.what }
            return example.result(fired: fired, what: "a \(example.what) word")
        }
    }
}
