/// What a pipeline did to one document, stage by stage: what fired, what it added, how the text changed.
public struct Explanation: Sendable {
    /// A trace event with its span in Unicode code points of its field's input value.
    public struct Firing: Sendable, Equatable {
        public var event: TraceEvent
        public var span: Range<Int>
    }

    /// One stage's part.
    public struct Step: Sendable {
        public var stage: String
        public var kind: String
        /// False when the document was dropped before this stage, so it did not run.
        public var ran: Bool
        /// Every rule that fired, and every stage-level change, in order.
        public var firings: [Firing]
        /// Meta entries that were not set before this stage.
        public var addedMeta: Meta
        public var addedTags: [String]
        public var addedFlags: [ModerationFlag]
        /// Entities the stage found, as `text` and `label` with the tagger's name.
        public var addedEntities: [(text: String, label: String, source: String)]
        public var errors: [StageError]
        public var decisionBefore: Decision
        public var decisionAfter: Decision
        /// The text field before and after the stage.
        public var diff: LineDiff

        /// Whether the stage changed anything at all.
        public var changedAnything: Bool {
            !firings.isEmpty || !addedMeta.isEmpty || !addedTags.isEmpty || !addedFlags.isEmpty || !addedEntities.isEmpty
                || !errors.isEmpty || decisionBefore != decisionAfter || diff.hasChanges
        }
    }

    /// The document as it was read.
    public var input: PickedDocument
    /// The document after the whole pipeline.
    public var output: Document
    /// The field whose text is diffed.
    public var textField: String
    public var steps: [Step]

    public var decision: Decision { output.decision }

    /// Why the decision is what it is: the drop reason, or the flags raised; nil for `keep`.
    public var reason: String? {
        switch output.decision {
        case .keep:
            nil
        case .flag:
            output.flags.map { "\($0.category) (\($0.severity)) from rule \($0.rule)" }.joined(separator: "; ")
        case .drop:
            output.dropReason
        }
    }
}
