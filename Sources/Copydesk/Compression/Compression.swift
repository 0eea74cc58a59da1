/// How a file's bytes are compressed, chosen by its name: `.gz` is gzip, `.zst` is zstd.
public enum Compression: String, Sendable, CaseIterable {
    case none
    case gzip = "gz"
    case zstd = "zst"

    /// The compression a file name implies.
    public init(path: String) {
        if path.hasSuffix(".gz") {
            self = .gzip
        } else if path.hasSuffix(".zst") {
            self = .zstd
        } else {
            self = .none
        }
    }

    /// The name ending, with its dot (`".gz"`), or "" for none.
    public var fileExtension: String {
        self == .none ? "" : "." + rawValue
    }

    /// `path` without this compression's ending.
    public func removingExtension(from path: String) -> String {
        guard self != .none, path.hasSuffix(fileExtension) else { return path }
        return String(path.dropLast(fileExtension.count))
    }

    /// A reader that decompresses `source`.
    func decoder(over source: any ByteSource, name: String) throws(InputReadError) -> any ByteSource {
        switch self {
        case .none: return source
        case .gzip: return try GzipSource(source, name: name)
        case .zstd: return try ZstdSource(source, name: name)
        }
    }

    /// A compressor for output, or nil for none.
    func encoder(name: String) throws(OutputWriteError) -> (any StreamEncoder)? {
        switch self {
        case .none: return nil
        case .gzip: return try GzipEncoder(name: name)
        case .zstd: return try ZstdEncoder(name: name)
        }
    }
}
