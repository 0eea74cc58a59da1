/// A compiled, immutable pipeline: its stages in order. Shared by every worker.
public struct Pipeline: Sendable {
    public let stages: [any Stage]
    /// The pipeline file it was loaded from.
    public let file: String
    /// Every config file it read, the pipeline file first.
    public let files: [String]
    /// Warnings found while loading, already rendered with source lines.
    public let warnings: [String]

    public init(stages: [any Stage], file: String, files: [String] = [], warnings: [String] = []) {
        self.stages = stages
        self.file = file
        self.files = files.isEmpty ? [file] : files
        self.warnings = warnings
    }

    public var ruleCount: Int {
        stages.reduce(0) { $0 + $1.ruleCount }
    }

    /// Runs every stage in order. A stage that throws leaves the document as it was before that
    /// stage and has its error recorded. Stops early once the document is dropped.
    public func process(_ document: inout Document, context: WorkerContext) {
        for stage in stages {
            if document.decision == .drop { return }
            apply(stage, to: &document, context: context)
        }
    }

    /// Runs one stage. If it throws, the document is restored as it was before the stage and the
    /// error is recorded.
    public func apply(_ stage: any Stage, to document: inout Document, context: WorkerContext) {
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
