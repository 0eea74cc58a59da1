#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read from the input failed.
public struct InputReadError: Error, CustomStringConvertible {
    public var name: String
    /// The errno of a failed read, or 0 when `message` says what went wrong (bad compressed data).
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

    public var description: String { "\(name): read failed: \(message ?? String(cString: strerror(code)))" }
}

/// Reads a file descriptor in chunks. Each `read` returns what the OS has now (up to the
/// chunk size), so a slow producer such as `tail -f` gets low latency.
final class InputReader {
    let name: String
    private let source: any ByteSource
    private let chunkSize: Int
    private(set) var atEnd = false
    /// Bytes read so far (after decompression).
    private(set) var bytesRead = 0

    convenience init(descriptor: Int32, name: String, chunkSize: Int = 256 * 1024) {
        self.init(source: DescriptorSource(descriptor: descriptor, name: name), name: name, chunkSize: chunkSize)
    }

    init(source: any ByteSource, name: String, chunkSize: Int = 256 * 1024) {
        self.source = source
        self.name = name
        self.chunkSize = chunkSize
    }

    /// Appends the next chunk to `buffer`; returns the number of bytes added (0 at the end).
    func read(into buffer: inout [UInt8]) throws(InputReadError) -> Int {
        guard !atEnd else { return 0 }
        let old = buffer.count
        buffer.reserveAmortized(chunkSize)
        var count = 0
        var failure: InputReadError?
        buffer.append(contentsOf: repeatElement(0, count: chunkSize))
        buffer.withUnsafeMutableBytes { raw in
            do throws(InputReadError) {
                count = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[old...]))
            } catch {
                failure = error
            }
        }
        buffer.removeLast(chunkSize - count)
        if let failure { throw failure }
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
