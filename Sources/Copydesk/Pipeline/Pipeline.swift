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
    /// stage and has its error recorded. Stops early once the document is dropped.
    public func process(_ document: inout Document, context: WorkerContext) {
        let timed = context.collectsStats
        if timed { context.counters.prepare(for: self, flushingInto: &context.collected) }
        // One clock reading per stage: each stage's end is the next one's start.
        var start = timed ? MonotonicClock.now() : 0
        for (index, stage) in stages.enumerated() {
            if document.decision == .drop { return }
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
        guard stage.canThrow else {
            // The contract says it never throws: no snapshot, so no copy-on-write of what it changes.
            do { try stage.process(&document, context: context) } catch {
                document.errors.append(StageError(stage: stage.id, message: "\(error)"))
            }
            return
        }
        let before = document
        do {
            try stage.process(&document, context: context)
        } catch {
            document = before
            document.errors.append(StageError(stage: stage.id, message: "\(error)"))
        }
    }

    /// Runs every example of every stage.
    public func runExamples(context: WorkerContext) -> [ExampleResult] {
        stages.flatMap { $0.runExamples(context: context) }
    }
}

/// A reference whose identity stands for one compiled pipeline.
final class PipelineIdentity: Sendable {}
