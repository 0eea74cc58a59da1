/// A stage stopped a batch run (a plugin that kept failing). `report` holds the totals so far,
/// with `stoppedEarly` set; the stopped input's output was not committed unless it went to stdout.
public struct BatchStopped: Error, CustomStringConvertible {
    public var reason: String
    public var report: BatchReport

    public var description: String { reason }
}
