/// Where a batch run writes its documents.
public enum BatchDestination: Sendable, Equatable {
    /// One stream on stdout (the classic filter).
    case standardOutput
    /// One combined file, compressed by its extension, renamed into place at the end.
    case file(String)
    /// One output per input at the same relative path under a folder; `compression` nil keeps
    /// each input's own compression.
    case directory(String, compression: Compression?)
}

/// The batch settings of `copydesk run` over files and folders.
public struct BatchOptions: Sendable {
    public var destination: BatchDestination
    /// Skip inputs whose output already exists (`--output-dir` only).
    public var resume: Bool
    /// One rejects file for every input, instead of per-input files beside the outputs.
    public var rejectsPath: String?
    /// One dropped file for every input, instead of per-input files beside the outputs.
    public var droppedPath: String?

    public init(destination: BatchDestination = .standardOutput, resume: Bool = false, rejectsPath: String? = nil, droppedPath: String? = nil) {
        self.destination = destination
        self.resume = resume
        self.rejectsPath = rejectsPath
        self.droppedPath = droppedPath
    }
}

/// A batch that cannot run as asked (two inputs writing the same output, for example).
public struct BatchPlanError: Error, CustomStringConvertible {
    public var description: String
}
