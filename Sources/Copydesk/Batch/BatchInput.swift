/// One input of a batch run: a file found on the command line or in a folder, or stdin.
public struct BatchInput: Sendable, Equatable {
    /// nil for stdin.
    public var path: String?
    /// The path its output takes under `--output-dir`: relative to the folder it was found in,
    /// or the file's own name for a file named on the command line.
    public var relativePath: String
    /// Bytes on disk; nil for stdin.
    public var size: Int?
    public var compression: Compression

    public init(path: String?, relativePath: String, size: Int?, compression: Compression) {
        self.path = path
        self.relativePath = relativePath
        self.size = size
        self.compression = compression
    }

    /// stdin, read as it comes.
    public static let standardInput = BatchInput(path: nil, relativePath: "-", size: nil, compression: .none)

    /// The input's name in messages.
    public var name: String { path ?? "<stdin>" }
}
