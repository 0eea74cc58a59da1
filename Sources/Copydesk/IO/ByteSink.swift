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
    public var code: Int32
    public var description: String { "\(name): write failed: \(String(cString: strerror(code)))" }
}

/// Writes bytes straight to a file descriptor, with no buffering: each call is flushed.
/// Thread-safe: writes from several threads do not interleave.
public final class ByteSink: @unchecked Sendable {
    public let name: String
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private let lock = Mutex()

    public init(descriptor: Int32, name: String, ownsDescriptor: Bool = false) {
        self.descriptor = descriptor
        self.name = name
        self.ownsDescriptor = ownsDescriptor
    }

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
            try bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        if errno == EPIPE { throw OutputClosedError(name: name) }
                        throw OutputWriteError(name: name, code: errno)
                    }
                    offset += written
                }
            }
        }
    }

    public func write(_ string: String) throws {
        try write(Array(string.utf8))
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif
