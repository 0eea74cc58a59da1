#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The reader of an output went away (a closed pipe).
public struct OutputClosedError: Error, CustomStringConvertible {
    public var name: String
    public var description: String { "\(name): the reader closed the output" }
}

/// An output that cannot be written to.
public struct OutputWriteError: Error, CustomStringConvertible {
    public var name: String
    /// The errno of a failed call, or 0 when `message` says what went wrong.
    public var code: Int32
    public var message: String?

    public init(name: String, code: Int32) {
        self.name = name
        self.code = code
    }

    public init(name: String, message: String) {
        self.name = name
        self.code = 0
        self.message = message
    }

    public var description: String { "\(name): write failed: \(message ?? String(cString: strerror(code)))" }
}

/// Somewhere a `ByteSink` can forward its bytes instead of a plain descriptor (a compressed
/// file written under a temporary name, for example). Called under the sink's lock.
public protocol ByteOutput: AnyObject {
    func write(_ bytes: UnsafeRawBufferPointer) throws
}

/// Writes bytes straight to a file descriptor, with no buffering: each call is flushed.
/// Thread-safe: writes from several threads do not interleave.
public final class ByteSink: @unchecked Sendable {
    public let name: String
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private let output: (any ByteOutput)?
    private let lock = Mutex()
    private var _bytesWritten = 0

    public init(descriptor: Int32, name: String, ownsDescriptor: Bool = false) {
        self.descriptor = descriptor
        self.name = name
        self.ownsDescriptor = ownsDescriptor
        self.output = nil
    }

    /// A sink that hands every write to `output`.
    public init(output: any ByteOutput, name: String) {
        self.descriptor = -1
        self.name = name
        self.ownsDescriptor = false
        self.output = output
    }

    /// Bytes written so far (before any compression by the output).
    public var bytesWritten: Int { lock.withLock { _bytesWritten } }

    /// Opens (creating or truncating) a file for writing.
    public convenience init(path: String) throws(OutputWriteError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputWriteError(name: path, code: errno) }
        self.init(descriptor: fd, name: path, ownsDescriptor: true)
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    public func write(_ bytes: [UInt8]) throws {
        guard !bytes.isEmpty else { return }
        try lock.withLock {
            _bytesWritten += bytes.count
            try bytes.withUnsafeBytes { buffer in
                if let output { return try output.write(buffer) }
                let code = writeFully(descriptor, buffer)
                if code == EPIPE { throw OutputClosedError(name: name) }
                if code != 0 { throw OutputWriteError(name: name, code: code) }
            }
        }
    }

    public func write(_ string: String) throws {
        try write(Array(string.utf8))
    }
}

/// Writes all of `bytes` to `descriptor`, retrying after EINTR; returns 0, or the errno of the write that failed.
func writeFully(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
    guard let base = bytes.baseAddress else { return 0 }
    var offset = 0
    while offset < bytes.count {
        let written = systemWrite(descriptor, base + offset, bytes.count - offset)
        if written < 0 {
            if errno == EINTR { continue }
            return errno
        }
        offset += written
    }
    return 0
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif
