extension Document {
    /// A stage's verdict that a document cannot go on: it is written to `--rejects`, not to the output.
    public struct Settlement: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            /// Counted as rejected (exit status 3), like bad input.
            case rejected
            /// Counted as failed (exit status 1).
            case failed
        }

        public var kind: Kind
        /// The stage that settled it.
        public var stage: String
        public var reason: String
        /// The run stops once the batch holding this document is written.
        public var stopsRun: Bool
    }

    /// Sends the document to `--rejects` as rejected; no later stage sees it. The first verdict wins.
    public mutating func reject(stage: String, reason: String) {
        if settlement == nil { settlement = Settlement(kind: .rejected, stage: stage, reason: reason, stopsRun: false) }
    }

    /// Counts the document as failed (exit status 1) and sends it to `--rejects`; with `stopsRun`
    /// the run stops after this batch. The first verdict wins.
    public mutating func fail(stage: String, reason: String, stopsRun: Bool = false) {
        if settlement == nil { settlement = Settlement(kind: .failed, stage: stage, reason: reason, stopsRun: stopsRun) }
    }

    /// Whether no further stage runs on the document: dropped, rejected or failed.
    public var isSettled: Bool {
        decision == .drop || settlement != nil
    }
}
