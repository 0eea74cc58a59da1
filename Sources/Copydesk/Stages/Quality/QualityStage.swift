/// The `quality` stage: datatrove's Gopher quality, Gopher repetition, C4 and FineWeb signals,
/// combined into a score, with an action for documents that fail a check.
///
/// The result goes to `Document.quality` (`copydesk.quality` in the output). A failed check
/// flags the document (category `quality`), tags it `quality:<check>`, or drops it, as
/// `action` says. With `c4: {filter_lines: true}`, a document that passes C4 keeps only the
/// lines C4 keeps, as datatrove's C4 filter does.
public struct QualityStage: Stage {
    /// What a failed check does to the document.
    public enum Action: String, Sendable, CaseIterable {
        case flag, drop, tag
    }

    public let id: String
    public var kind: String { "quality" }
    public let field: String
    public let analyzer: QualityAnalyzer
    public let action: Action
    public let severity: String
    public let examples: [QualityExample]
    /// Every check name the stage can report, in order: its rules, for statistics.
    public let ruleIDs: [String]
    private let ruleIndex: [String: Int]
    private let traceSources: [String: TraceSource]
    private let filterSource: TraceSource

    public init(
        id: String, field: String = "text", analyzer: QualityAnalyzer = QualityAnalyzer(), action: Action = .flag,
        severity: String = "low", examples: [QualityExample] = [], mark: SourceMark? = nil
    ) {
        self.id = id
        self.field = field
        self.analyzer = analyzer
        self.action = action
        self.severity = severity
        self.examples = examples
        let names = Self.checkNames(analyzer.settings)
        self.ruleIDs = names
        self.ruleIndex = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        self.traceSources = Dictionary(uniqueKeysWithValues: names.map { ($0, TraceSource(stage: id, rule: $0, mark: mark)) })
        self.filterSource = TraceSource(stage: id, rule: "c4_filter_lines", mark: mark)
    }

    public var canThrow: Bool { false }

    public func process(_ document: inout Document, context: WorkerContext) {
        guard let text = document.field(field) else { return }
        let filterLines = analyzer.settings.c4.filterLines && analyzer.settings.sets.contains(.c4)
        var (report, c4Lines) = text.withUnsafeBufferPointer { analyzer.analyze($0, keepC4Lines: filterLines) }
        if !report.failed.isEmpty {
            report.decision = action.rawValue
            apply(report.failed, to: &document, report: report)
            if context.collectsStats {
                for name in Set(report.failed) {
                    guard let index = ruleIndex[name] else { continue }
                    context.countRule(index) { counters in
                        counters.hits += 1
                        counters.documentsHit += 1
                    }
                }
            }
        }
        let c4Failed = report.checks.contains { $0.set == .c4 && !$0.passed }
        if let c4Lines, !c4Failed {
            keepOnlyC4Lines(of: &document, keeping: c4Lines, old: text)
        }
        document.quality = report
    }

    private func apply(_ failed: [String], to document: inout Document, report: QualityReport) {
        switch action {
        case .flag:
            for name in failed {
                document.addFlag(ModerationFlag(rule: name, category: "quality", severity: severity))
                trace(name, .flag(category: "quality", severity: severity), report: report, in: &document)
            }
        case .tag:
            for name in failed {
                let tag = "quality:" + name
                document.addTag(tag)
                document.addReason(name)
                trace(name, .tag([tag]), report: report, in: &document)
            }
        case .drop:
            let reason = "quality: " + failed.joined(separator: ", ")
            for name in failed { document.addReason(name) }
            document.drop(reason: reason)
            if let first = failed.first { trace(first, .drop(reason: reason), report: report, in: &document) }
        }
    }

    /// A trace event for a failed check; its text says the value and the threshold ("3 (at least 50)"),
    /// as the check matched nothing in the text.
    private func trace(_ check: String, _ effect: TraceEvent.Effect, report: QualityReport, in document: inout Document) {
        guard document.tracksOrigins else { return }
        let source = traceSources[check] ?? TraceSource(stage: id, rule: check, mark: nil)
        var detail = ""
        if let failed = report.checks.first(where: { $0.name == check }) {
            switch failed.rule {
            case .atMost(let limit): detail = "\(failed.value) (at most \(limit))"
            case .atLeast(let limit): detail = "\(failed.value) (at least \(limit))"
            case .absent: detail = "found"
            }
        } else if check == "low_score" {
            detail = "\(report.score) (at least \(analyzer.settings.minScore ?? 0))"
        }
        let bytes = Array(detail.utf8)
        document.trace.append(TraceEvent(source: source, field: field, range: 0..<0, matchedIn: bytes, matchRange: 0..<bytes.count, effect: effect))
    }

    /// `"\n".join(kept_lines).strip()`, as datatrove's C4 filter leaves the text. Entities and
    /// moderation detections of the field move with the text; an entity in removed text is dropped,
    /// a detection there (a record of what fired) keeps an empty range where its text was.
    private func keepOnlyC4Lines(of document: inout Document, keeping lines: [C4KeptLine], old: [UInt8]) {
        let filter = C4LineFilter(keeping: lines, of: old)
        guard !filter.edits.isEmpty else { return }
        if document.tracksOrigins {
            let original = document.originalRange(of: 0..<old.count, in: field)
            document.trace.append(TraceEvent(
                source: filterSource, field: field, range: original, matchedIn: old, matchRange: 0..<old.count,
                effect: .other(action: "c4_filter_lines")))
        }
        document.apply(filter.edits, to: field)
        if let entities = document.entities {
            document.entities = entities.compactMap { entity in
                guard entity.field == field else { return entity }
                guard let range = filter.map(entity.range) else { return nil }
                var moved = entity
                moved.range = range
                return moved
            }
        }
        if document.moderation != nil {
            let shift = OffsetShift(filter.edits)
            for index in document.moderation!.indices where document.moderation![index].field == field {
                let range = document.moderation![index].range
                document.moderation![index].range = filter.map(range) ?? shift.map(range).lowerBound..<shift.map(range).lowerBound
            }
        }
    }

    /// The names of the checks `settings` enables, in report order.
    static func checkNames(_ settings: QualitySettings) -> [String] {
        var names: [String] = []
        for set in QualitySet.allCases where settings.sets.contains(set) {
            switch set {
            case .gopher:
                names += [
                    "gopher_short_doc", "gopher_long_doc", "gopher_below_avg_threshold", "gopher_above_avg_threshold",
                    "gopher_too_many_hashes", "gopher_too_many_ellipsis", "gopher_too_many_bullets",
                    "gopher_too_many_end_ellipsis", "gopher_below_alpha_threshold", "gopher_enough_stop_words",
                ]
            case .gopherRepetition:
                names += ["gopher_rep_empty", "dup_para_frac", "dup_para_char_frac", "dup_line_frac", "dup_line_char_frac"]
                names += settings.repetition.topNGrams.map { "top_\($0.n)_gram" }
                names += settings.repetition.dupNGrams.map { "duplicated_\($0.n)_n_grams" }
            case .c4:
                names += ["lorem_ipsum", "curly_bracket", "too_few_sentences", "document_removed_with_badwords"]
            case .fineweb:
                names += ["fineweb_empty", "line_punct_ratio", "short_line_ratio", "char_dup_ratio", "list_ratio"]
            }
        }
        if settings.minScore != nil { names.append("low_score") }
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }

    public func runExamples(context: WorkerContext) -> [ExampleResult] {
        examples.map { example in
            let report = analyzer.analyze(example.input)
            let got = Set(report.failed)
            let expected = Set(example.failed)
            let failure: String? = got == expected
                ? nil
                : "expected failed checks [\(example.failed.sorted().joined(separator: ", "))], got [\(report.failed.joined(separator: ", "))]"
            return ExampleResult(mark: example.mark, rule: id, failure: failure)
        }
    }
}

/// An `examples:` entry of a quality stage: a text and exactly the checks it fails.
public struct QualityExample: Sendable {
    public var input: String
    public var failed: [String]
    public var mark: SourceMark

    public init(input: String, failed: [String], mark: SourceMark) {
        self.input = input
        self.failed = failed
        self.mark = mark
    }
}
