/// How input is read.
public enum InputFormat: String, Sendable, CaseIterable {
    /// JSON Lines if the first non-blank byte is `{`, else plain text.
    case auto
    case jsonl
    case text
}

/// How output is written.
public enum OutputFormat: String, Sendable, CaseIterable {
    case jsonl
    case text
}

/// Settings of one `copydesk run`.
public struct RunOptions: Sendable {
    /// Worker threads.
    public var jobs: Int
    public var inputFormat: InputFormat
    /// nil: the same as the input format.
    public var outputFormat: OutputFormat?
    public var codec: DocumentCodec
    /// Longer JSON Lines lines (and larger plain-text inputs) are rejected.
    public var maxLineBytes: Int
    /// Name of the input in messages.
    public var inputName: String
    public var matchLimits: MatchLimits
    /// Collect per-stage and per-rule statistics (`run --stats`).
    public var collectsStats = false
    /// Shared by runners working side by side (a batch of files), so that together they
    /// process at most as many batches at once as the slots allow.
    public var workSlots: WorkSlots?

    public init(
        jobs: Int = 1, inputFormat: InputFormat = .auto, outputFormat: OutputFormat? = nil,
        codec: DocumentCodec = DocumentCodec(), maxLineBytes: Int = 16 << 20, inputName: String = "<stdin>",
        matchLimits: MatchLimits = MatchLimits()
    ) {
        self.jobs = max(1, jobs)
        self.inputFormat = inputFormat
        self.outputFormat = outputFormat
        self.codec = codec
        self.maxLineBytes = maxLineBytes
        self.inputName = inputName
        self.matchLimits = matchLimits
    }
}

/// Document counts of a run. `read == written + dropped + rejected + failed` always holds.
public struct RunSummary: Sendable, Equatable, CustomStringConvertible {
    public var read = 0
    public var written = 0
    public var dropped = 0
    public var rejected = 0
    /// Documents a stage failed (`Document.fail`); they went to the rejects file.
    public var failed = 0
    /// Written documents whose decision is `flag`.
    public var flagged = 0
    /// Rule or stage failures recorded on documents (the documents went on).
    public var documentErrors = 0
    /// Input bytes read.
    public var bytesRead = 0
    /// Per-stage and per-rule counters, when the run collected them.
    public var stats: PipelineStats?

    public init() {}

    mutating func add(_ other: RunSummary) {
        read += other.read
        written += other.written
        dropped += other.dropped
        rejected += other.rejected
        failed += other.failed
        flagged += other.flagged
        documentErrors += other.documentErrors
        bytesRead += other.bytesRead
    }

    public var description: String {
        var line = "copydesk: read \(read), written \(written), dropped \(dropped), rejected \(rejected)"
        if failed > 0 { line += ", failed \(failed)" }
        if flagged > 0 { line += ", flagged \(flagged)" }
        if documentErrors > 0 { line += ", rule errors \(documentErrors)" }
        return line
    }
}
