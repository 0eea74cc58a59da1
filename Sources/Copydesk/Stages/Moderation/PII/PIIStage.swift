/// The `pii` stage: emails, phone numbers, payment cards, Aadhaar numbers, PANs, IP addresses
/// and PIN codes, each with a confidence from its checks and the words around it.
/// Where candidates overlap, a validated one (check digit, strict syntax) wins over a look-alike.
public struct PIIStage: Stage {
    public let id: String
    public var kind: String { "pii" }
    public let fields: [String]
    let detectors: [PIIType: PIIDetector]
    let scanner: PIIScanner
    let minConfidence: Double
    let recorder: ModerationRecorder
    let examples: [ModerationExample]

    init(id: String, fields: [String], detectors: [PIIType: PIIDetector], minConfidence: Double, recorder: ModerationRecorder, examples: [ModerationExample]) {
        self.id = id
        self.fields = fields
        self.detectors = detectors
        self.scanner = PIIScanner(types: Set(detectors.keys))
        self.minConfidence = minConfidence
        self.recorder = recorder
        self.examples = examples
    }

    public var ruleIDs: [String] { PIIType.allCases.filter { detectors[$0] != nil }.map { "pii.\($0.rawValue)" } }

    public var canThrow: Bool { false }

    public func process(_ document: inout Document, context: WorkerContext) {
        let findings = self.findings(in: document)
        if context.collectsStats {
            let ids = ruleIDs
            context.countFindings(ruleIndices: findings.map { ids.firstIndex(of: $0.rule) })
        }
        recorder.record(findings, in: &document)
    }

    func findings(in document: Document) -> [ModerationFinding] {
        var findings: [ModerationFinding] = []
        for field in fields {
            guard let text = document.field(field) else { continue }
            for candidate in text.withUnsafeBufferPointer(detections) {
                guard let detector = detectors[candidate.type] else { continue }
                findings.append(ModerationFinding(
                    type: candidate.type.rawValue, category: "pii", severity: detector.severity, source: detector.source,
                    field: field, range: candidate.range, confidence: candidate.confidence))
            }
        }
        return findings
    }

    /// The candidates that pass context, overlap and allow-list, in text order.
    func detections(_ text: UnsafeBufferPointer<UInt8>) -> [PIICandidate] {
        var candidates: [PIICandidate] = []
        for var candidate in scanner.candidates(in: text) {
            guard let detector = detectors[candidate.type],
                  let confidence = detector.confidence(candidate.confidence, around: candidate.range, in: text),
                  confidence >= minConfidence else { continue }
            candidate.confidence = confidence
            candidates.append(candidate)
        }
        guard !candidates.isEmpty else { return [] }
        candidates.sort {
            ($0.validated ? 1 : 0, $0.confidence, $0.range.count, -$0.range.lowerBound) > ($1.validated ? 1 : 0, $1.confidence, $1.range.count, -$1.range.lowerBound)
        }
        var kept: [PIICandidate] = []
        for candidate in candidates where !kept.contains(where: { $0.range.overlaps(candidate.range) }) {
            kept.append(candidate)
        }
        kept.removeAll { detectors[$0.type]?.isAllowed(UnsafeBufferPointer(rebasing: text[$0.range])) ?? false }
        return kept.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    public func runExamples(context: WorkerContext) -> [ExampleResult] {
        examples.map { example in
            let fired = Array(example.input.utf8).withUnsafeBufferPointer(detections).contains { $0.type.rawValue == example.what }
            return example.result(fired: fired, what: "a \(example.what)")
        }
    }
}
