#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read from the input failed.
public struct InputReadError: Error, CustomStringConvertible {
    public var name: String
    public var code: Int32
    public var description: String { "\(name): read failed: \(String(cString: strerror(code)))" }
}

/// Reads a file descriptor in chunks. Each `read` returns what the OS has now (up to the
/// chunk size), so a slow producer such as `tail -f` gets low latency.
final class InputReader {
    let name: String
    private let descriptor: Int32
    private let chunkSize: Int
    private(set) var atEnd = false
    /// Bytes read so far.
    private(set) var bytesRead = 0

    init(descriptor: Int32, name: String, chunkSize: Int = 256 * 1024) {
        self.descriptor = descriptor
        self.name = name
        self.chunkSize = chunkSize
    }

    /// Appends the next chunk to `buffer`; returns the number of bytes added (0 at the end).
    func read(into buffer: inout [UInt8]) throws(InputReadError) -> Int {
        guard !atEnd else { return 0 }
        let old = buffer.count
        buffer.reserveAmortized(chunkSize)
        var count = 0
        var failure: Int32 = 0
        buffer.append(contentsOf: repeatElement(0, count: chunkSize))
        buffer.withUnsafeMutableBytes { raw in
            while true {
                let result = systemRead(descriptor, raw.baseAddress! + old, chunkSize)
                if result < 0 && errno == EINTR { continue }
                if result < 0 { failure = errno } else { count = result }
                break
            }
        }
        buffer.removeLast(chunkSize - count)
        if failure != 0 { throw InputReadError(name: name, code: failure) }
        if count == 0 { atEnd = true }
        bytesRead += count
        return count
    }
}

extension InputReader {
    /// Resolves `.auto`: reads into `head` until the first non-blank byte (or the end) and
    /// chooses JSON Lines if it is `{`, plain text otherwise.
    func detectFormat(_ requested: InputFormat, head: inout [UInt8]) throws(InputReadError) -> InputFormat {
        guard requested == .auto else { return requested }
        while true {
            if let first = head.first(where: { !DocumentCodec.isJSONSpace($0) }) {
                return first == UInt8(ascii: "{") ? .jsonl : .text
            }
            if try read(into: &head) == 0 { return .jsonl }
        }
    }
}

#if canImport(Glibc)
private let systemRead = Glibc.read
#elseif canImport(Darwin)
private let systemRead = Darwin.read
#endif
