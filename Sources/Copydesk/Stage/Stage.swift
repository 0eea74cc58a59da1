/// A step of the pipeline. Built-in stages and plugins meet the same contract.
///
/// **Creation.** A stage is created once, from its YAML mapping, by the factory registered
/// under its kind in `StageRegistry`. A factory reports every config problem it finds to the
/// `ConfigContext` (with a source mark) and returns nil if any was an error. After creation a
/// stage is immutable.
///
/// **Concurrency.** One instance serves every worker at the same time, so a stage must be
/// `Sendable` and keep no mutable state of its own. Per-worker mutable state (PCRE2 match
/// data, buffers) lives in the `WorkerContext` passed to `process`, which belongs to one
/// worker thread and is never shared. A stage whose resources outlive a call (an exec stage's
/// child processes) shares them between workers behind its own lock.
///
/// **What a stage may change.** The document's string fields (through `Document.apply` or
/// `Document.setField`, so that provenance stays right), `meta`, `tags`, `flags`, `entities`
/// (append; ranges are bytes of the field's current text, so a stage that edits text after an
/// entities stage leaves them stale), `removed`, `trace`, `moderation` (append; a stage that
/// edits text shifts them, as `ModerationRecorder` does), `clickbait`, `reasons` (through
/// `addReason`, `addFlag` and `drop(reason:rule:)`) and `decision` (raise it only:
/// keep → flag → drop, through `addFlag` and `drop`).
/// It must not change `sequence` or `line`. A stage is not called for a document already
/// dropped, rejected or failed.
///
/// **Trace.** When `document.tracksOrigins` is on (`run --explain`, `copydesk explain`), a
/// stage that changes a document appends a `TraceEvent` to `document.trace` for each thing it
/// did: one per rule firing (per removed or replaced match), or one per field for a stage-level
/// pass. The event's range comes from `document.originalRange(of:in:)`, taken before the edit
/// is applied. When the flag is off, a stage must record nothing and do no extra work for it:
/// no allocation and no extra matching.
///
/// **Errors.** A problem that affects one document must not stop the run. Either record it in
/// `document.errors` and leave the document as it was, or throw: the pipeline then restores the
/// document as it was before this stage, records the error, and runs the next stage. Keeping
/// that copy costs a copy-on-write of every array the stage then changes, so a stage that never
/// throws says so with `canThrow` (false) and is run without it. Plugin stages choose per
/// document with `on_error: pass|drop|reject|fail`: pass records the error, drop drops the
/// document, reject and fail are below.
///
/// **Reject and fail.** `document.reject(stage:reason:)` sends the input line, verbatim, to the
/// `--rejects` file and counts the document as rejected (exit status 3), as if its input were bad.
/// `document.fail(stage:reason:)` counts it as failed (it too goes to `--rejects`, and the run exits
/// with status 1); with `stopsRun` the run stops after the current batch is written. Either way no
/// later stage sees the document and it is written nowhere else, so
/// `read == written + dropped + rejected + failed` always holds.
///
/// **Batches.** A stage that sets `processesBatches` is handed every live document of an input
/// batch at once through `process(batch:context:)`, so it can keep many of them in flight (an
/// exec plugin does). The pipeline then runs stage by stage over the batch instead of document
/// by document. Such a stage handles each document's errors itself (it is not restored for it)
/// and must leave the array's count and order as they were.
///
/// **Statistics.** When `context.collectsStats` is on, a stage with rules counts each rule's
/// work with `context.countRule(index)`, in the order of `ruleIDs`; the pipeline times stages itself.
///
/// **Setup and teardown.** Everything a stage needs (compiled patterns, child processes, loaded
/// libraries) is set up by its factory, so that `copydesk check` proves it works. The pipeline's
/// owner calls `shutdown()` once no worker will call the stage again (a plugin stage closes its
/// children there, cleanly); `deinit` frees the rest, and must be safe after `shutdown()`.
public protocol Stage: Sendable {
    /// The stage's id, unique within a pipeline (`regex-1`, or the `id:` from the config).
    var id: String { get }
    /// The registry name of the stage's kind (`regex`, `whitespace`, …).
    var kind: String { get }
    /// How many rules the stage holds, for summaries (0 when it has none).
    var ruleCount: Int { get }
    /// The ids of its rules, in order, for statistics.
    var ruleIDs: [String] { get }

    /// Processes one document in place.
    func process(_ document: inout Document, context: WorkerContext) throws

    /// Whether `process` may throw (default true). A stage that says false must never throw.
    var canThrow: Bool { get }

    /// Runs the stage's `examples:` and reports each result. Stages without examples return [].
    func runExamples(context: WorkerContext) -> [ExampleResult]

    /// Whether the stage wants whole batches through `process(batch:context:)` (default false).
    var processesBatches: Bool { get }

    /// Processes the live documents of one input batch, in place, keeping their count and order.
    /// The default runs `process` on each, with the per-document error handling above.
    func process(batch documents: inout [Document], context: WorkerContext)

    /// Releases what the stage holds outside the process (children, connections). Called once,
    /// when no worker will use the stage again. Default: nothing.
    func shutdown()
}

extension Stage {
    public var ruleCount: Int { ruleIDs.count }

    public var ruleIDs: [String] { [] }

    public var canThrow: Bool { true }

    public func runExamples(context: WorkerContext) -> [ExampleResult] { [] }

    public var processesBatches: Bool { false }

    public func process(batch documents: inout [Document], context: WorkerContext) {
        for index in documents.indices {
            processRecordingErrors(&documents[index], context: context)
        }
    }

    /// Runs `process` on one document. If it throws, the document is restored as it was before
    /// and the error is recorded; a stage that says it never throws (`canThrow`) is run without
    /// that snapshot, so without a copy-on-write of what it changes.
    public func processRecordingErrors(_ document: inout Document, context: WorkerContext) {
        guard canThrow else {
            do { try process(&document, context: context) } catch {
                document.errors.append(StageError(stage: id, message: "\(error)"))
            }
            return
        }
        let before = document
        do {
            try process(&document, context: context)
        } catch {
            document = before
            document.errors.append(StageError(stage: id, message: "\(error)"))
        }
    }

    public func shutdown() {}
}

/// The outcome of one rule example.
public struct ExampleResult: Sendable {
    public var mark: SourceMark
    public var rule: String
    /// nil when the example passed; else what was expected and what came out.
    public var failure: String?

    public init(mark: SourceMark, rule: String, failure: String?) {
        self.mark = mark
        self.rule = rule
        self.failure = failure
    }

    public var passed: Bool { failure == nil }
}
