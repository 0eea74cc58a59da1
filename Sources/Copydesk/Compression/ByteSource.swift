#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where an input's bytes come from: a file descriptor, or a decoder over one.
/// Used by one reading thread at a time.
public protocol ByteSource: AnyObject {
    /// Fills the start of `buffer`; returns the number of bytes stored, 0 at the end only.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputReadError) -> Int
}

/// Reads a file descriptor, and counts what it has read so that another thread can show progress.
public final class DescriptorSource: ByteSource, @unchecked Sendable {
    public let name: String
    private let descriptor: Int32
    private let lock = Mutex()
    private var _position = 0

    public init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
    }

    /// Bytes read so far: for a compressed file, the compressed position.
    public var position: Int { lock.withLock { _position } }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputReadError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let result = systemRead(descriptor, base, buffer.count)
            if result < 0 && errno == EINTR { continue }
            if result < 0 { throw InputReadError(name: name, code: errno) }
            lock.withLock { _position += result }
            return result
        }
    }
}

#if canImport(Glibc)
private let systemRead = Glibc.read
#elseif canImport(Darwin)
private let systemRead = Darwin.read
#endif
