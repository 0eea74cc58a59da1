/// Where a batch run is, for a progress line.
public struct BatchProgress: Sendable {
    /// Inputs done, with those skipped by `--resume`.
    public var filesDone = 0
    public var filesTotal = 0
    /// Input bytes read from disk so far: for a compressed file, its compressed position.
    public var bytesDone = 0
    /// The size of every input on disk; nil when one of them is stdin.
    public var bytesTotal: Int?
    /// Document counts so far (`bytesRead` is after decompression).
    public var documents = RunSummary()
    public var seconds = 0.0

    public init() {}

    /// Seconds left at the rate so far, when the total is known and something was read.
    public var secondsLeft: Double? {
        guard let bytesTotal, bytesDone > 0, seconds > 0 else { return nil }
        return Double(max(0, bytesTotal - bytesDone)) / (Double(bytesDone) / seconds)
    }
}
