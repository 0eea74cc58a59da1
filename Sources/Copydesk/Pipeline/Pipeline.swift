/// A compiled, immutable pipeline: its stages in order. Shared by every worker.
public struct Pipeline: Sendable {
    public let stages: [any Stage]
    /// The pipeline file it was loaded from.
    public let file: String
    /// Every config file it read, the pipeline file first.
    public let files: [String]
    /// Warnings found while loading, already rendered with source lines.
    public let warnings: [String]
    /// The include globs it expanded, so a watcher can notice files added or deleted under them.
    public let globs: [String]
    /// Tells this compiled pipeline apart from any other, such as the one before a reload.
    let identity = PipelineIdentity()

    public init(stages: [any Stage], file: String, files: [String] = [], globs: [String] = [], warnings: [String] = []) {
        self.stages = stages
        self.file = file
        self.files = files.isEmpty ? [file] : files
        self.globs = globs
        self.warnings = warnings
    }

    public var ruleCount: Int {
        stages.reduce(0) { $0 + $1.ruleCount }
    }

    /// Runs every stage in order. A stage that throws leaves the document as it was before that
    /// stage and has its error recorded. Stops early once the document is dropped, rejected or failed.
    public func process(_ document: inout Document, context: WorkerContext) {
        let timed = context.collectsStats
        if timed { context.counters.prepare(for: self, flushingInto: &context.collected) }
        // One clock reading per stage: each stage's end is the next one's start.
        var start = timed ? MonotonicClock.now() : 0
        for (index, stage) in stages.enumerated() {
            if document.isSettled { return }
            context.stageIndex = index
            let before = timed ? document.changeFingerprint : ChangeFingerprint()
            apply(stage, to: &document, context: context)
            if timed {
                let end = MonotonicClock.now()
                context.counters.recordStage(index, nanoseconds: end &- start, changed: document.changeFingerprint != before)
                start = end
            }
        }
    }

    /// Runs one stage. If it throws, the document is restored as it was before the stage and the
    /// error is recorded.
    public func apply(_ stage: any Stage, to document: inout Document, context: WorkerContext) {
        stage.processRecordingErrors(&document, context: context)
    }

    /// Whether some stage wants whole batches, so that batches run stage by stage.
    public var hasBatchStages: Bool {
        stages.contains { $0.processesBatches }
    }

    /// Runs every stage over a batch of documents, stage by stage, with the same rules as
    /// `process(_:context:)`: a settled document is not handed to later stages.
    public func process(batch documents: inout [Document], context: WorkerContext) {
        let timed = context.collectsStats
        if timed { context.counters.prepare(for: self, flushingInto: &context.collected) }
        for (index, stage) in stages.enumerated() {
            context.stageIndex = index
            let start = timed ? MonotonicClock.now() : 0
            let before = timed ? documents.map(\.changeFingerprint) : []
            if stage.processesBatches {
                runBatch(stage, on: &documents, context: context)
            } else {
                for position in documents.indices where !documents[position].isSettled {
                    apply(stage, to: &documents[position], context: context)
                }
            }
            if timed {
                let elapsed = MonotonicClock.now() &- start
                for position in documents.indices {
                    let changed = documents[position].changeFingerprint != before[position]
                    context.counters.recordStage(index, nanoseconds: position == 0 ? elapsed : 0, changed: changed)
                }
            }
        }
    }

    /// Hands the live documents to a batch stage, moved out and back so that none is copied.
    private func runBatch(_ stage: any Stage, on documents: inout [Document], context: WorkerContext) {
        let live = documents.indices.filter { !documents[$0].isSettled }
        guard !live.isEmpty else { return }
        var subset: [Document] = []
        subset.reserveCapacity(live.count)
        for position in live {
            subset.append(documents[position])
            documents[position] = Document(fields: [:])
        }
        stage.process(batch: &subset, context: context)
        precondition(subset.count == live.count, "stage \(stage.id) changed the number of documents in a batch")
        for (offset, position) in live.enumerated() {
            documents[position] = subset[offset]
            subset[offset] = Document(fields: [:])
        }
    }

    /// Shuts every stage down (plugin children exit cleanly). Call once no worker runs the pipeline.
    public func shutdown() {
        for stage in stages { stage.shutdown() }
    }

    /// Runs every example of every stage.
    public func runExamples(context: WorkerContext) -> [ExampleResult] {
        stages.flatMap { $0.runExamples(context: context) }
    }
}

/// A reference whose identity stands for one compiled pipeline.
final class PipelineIdentity: Sendable {}
