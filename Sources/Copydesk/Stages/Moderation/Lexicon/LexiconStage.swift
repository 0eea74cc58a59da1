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
            for finding in findings {
                guard let index = matcher.entries.firstIndex(where: { $0.source === finding.source }) else { continue }
                context.countRule(index) { $0.hits += 1; $0.documentsHit += 1 }
            }
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

/// A `matches: true|false` example of a lexicon list, a PII type or a clickbait feature.
struct ModerationExample: Sendable {
    var input: String
    var matches: Bool
    /// The category, type or feature the example is about; also the rule id in results.
    var what: String
    var mark: SourceMark

    func result(fired: Bool, what description: String) -> ExampleResult {
        let quoted = YAMLNode.quoted(input, limit: .max)
        let failure: String? = fired == matches ? nil
            : matches ? "expected \(description) in \(quoted), found none" : "expected no \(description) in \(quoted), found one"
        return ExampleResult(mark: mark, rule: what, failure: failure)
    }

    static let keys = ["input", "matches"]

    /// Reads `examples:` (a list of `{input, matches}`) from a mapping.
    static func decode(_ mapping: ConfigMapping, what: String, context: ConfigContext) -> [ModerationExample] {
        (mapping.list("examples") ?? []).compactMap { node in
            guard let example = ConfigMapping(node, allowedKeys: keys, what: "an example", context: context),
                  let input = example.string("input", required: true) else { return nil }
            guard let matches = example.bool("matches") else {
                if !example.has("matches") { context.error("an example needs \"matches: true|false\"", at: node.mark) }
                return nil
            }
            return ModerationExample(input: input, matches: matches, what: what, mark: node.mark)
        }
    }
}
