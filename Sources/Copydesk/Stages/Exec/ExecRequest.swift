import CopydeskPluginAPI

/// One document's trip to a plugin child. Guarded by its pool's lock.
final class ExecRequest {
    enum State {
        /// Waiting to be sent (again, after a restart).
        case queued
        /// Sent to the child in `slot`, of that slot's `generation`.
        case sent(slot: Int, generation: Int)
        case answered(Result<PluginResponse.Outcome, PluginMessageError>)
        /// The child failed on this document (it crashed or hung with it alone in flight).
        case failed(String)
        /// The pool gave up: the run stops.
        case fatal(String)
    }

    let id: Int
    let line: [UInt8]
    /// The document's input line, for reports.
    let inputLine: Int
    var state = State.queued
    /// Was in flight when a child crashed with others: resent alone, to find the culprit.
    var suspect = false

    init(id: Int, line: [UInt8], inputLine: Int) {
        self.id = id
        self.line = line
        self.inputLine = inputLine
    }

    var isDone: Bool {
        switch state {
        case .queued, .sent: false
        case .answered, .failed, .fatal: true
        }
    }
}
