/// Runs a pipeline on one document a stage at a time, tracing it, and records what each stage did.
public struct Explainer: Sendable {
    public let pipeline: Pipeline
    /// The field whose text is diffed stage by stage.
    public let textField: String

    public init(pipeline: Pipeline, textField: String = "text") {
        self.pipeline = pipeline
        self.textField = textField
    }

    /// Processes the picked document exactly as `run` does, with tracing on.
    public func explain(_ picked: PickedDocument, context: WorkerContext = WorkerContext(tracksOrigins: true)) -> Explanation {
        var document = picked.document
        document.tracksOrigins = true
        var steps: [Explanation.Step] = []
        var traceBounds: [Range<Int>] = []
        for stage in pipeline.stages {
            let before = document
            let ran = document.decision != .drop
            if ran { pipeline.apply(stage, to: &document, context: context) }
            traceBounds.append(before.trace.count..<document.trace.count)
            steps.append(step(stage, ran: ran, before: before, after: document))
        }
        // Spans are converted once, against the fields' input values, for the whole trace.
        let spans = document.traceCodePointRanges
        for index in steps.indices {
            steps[index].firings = traceBounds[index].map { Explanation.Firing(event: document.trace[$0], span: spans[$0]) }
        }
        return Explanation(input: picked, output: document, textField: textField, steps: steps)
    }

    private func step(_ stage: any Stage, ran: Bool, before: Document, after: Document) -> Explanation.Step {
        var addedMeta = Meta()
        for entry in after.meta.entries where before.meta[entry.key] != entry.value {
            addedMeta.set(entry.key, entry.value)
        }
        return Explanation.Step(
            stage: stage.id, kind: stage.kind, ran: ran, firings: [],
            addedMeta: addedMeta,
            addedTags: after.tags.filter { !before.tags.contains($0) },
            addedFlags: Array(after.flags.dropFirst(before.flags.count)),
            addedEntities: (after.entities ?? []).dropFirst(before.entities?.count ?? 0).map { entity in
                (after.text(of: entity), entity.label, entity.source.rawValue)
            },
            errors: Array(after.errors.dropFirst(before.errors.count)),
            decisionBefore: before.decision, decisionAfter: after.decision,
            diff: LineDiff(old: before.string(textField) ?? "", new: after.string(textField) ?? ""))
    }
}
