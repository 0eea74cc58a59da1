import Foundation

/// Copies a plugin child's stderr to ours, one line at a time, each prefixed `[stage-id] `,
/// and keeps the last lines for error reports.
///
/// A line longer than `maxLineBytes` (such as a progress bar redrawn with `\r` and never
/// ended) is forwarded in pieces of that size, so that memory stays bounded and the text
/// still comes through.
final class StderrForwarder: @unchecked Sendable {
    // `tail` and `done` are guarded by `condition`.
    private let fd: Int32
    private let output: Int32
    private let maxLineBytes: Int
    private let prefix: [UInt8]
    private let condition = NSCondition()
    private var tail: [String] = []
    private var done = false

    static let tailLines = 20
    static let defaultMaxLineBytes = 64 << 10

    /// Reads `fd` and writes to `output` (our stderr unless a test says otherwise).
    init(fd: Int32, stageID: String, output: Int32 = 2, maxLineBytes: Int = StderrForwarder.defaultMaxLineBytes) {
        self.fd = fd
        self.output = output
        self.maxLineBytes = max(1, maxLineBytes)
        self.prefix = Array("[\(stageID)] ".utf8)
    }

    func start() {
        Thread { [self] in
            var buffer: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { break }
                buffer.append(contentsOf: chunk[0..<count])
                var start = 0
                while let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                    forward(Array(buffer[start..<newline]))
                    start = newline + 1
                }
                while buffer.count - start >= maxLineBytes {
                    forward(Array(buffer[start..<start + maxLineBytes]))
                    start += maxLineBytes
                }
                buffer.removeSubrange(0..<start)
            }
            if !buffer.isEmpty { forward(buffer) }
            close(fd)
            condition.lock()
            done = true
            condition.broadcast()
            condition.unlock()
        }.start()
    }

    /// The last lines so far.
    var lines: [String] {
        condition.lock()
        defer { condition.unlock() }
        return tail
    }

    /// Waits until the child's stderr is closed and everything is forwarded.
    func waitUntilDone() {
        condition.lock()
        while !done { condition.wait() }
        condition.unlock()
    }

    private func forward(_ line: [UInt8]) {
        // One write per line, so lines from several children do not interleave.
        _ = ExecChild.writeAll(output, prefix + line + [UInt8(ascii: "\n")])
        condition.lock()
        tail.append(String(decoding: line, as: UTF8.self))
        if tail.count > Self.tailLines { tail.removeFirst(tail.count - Self.tailLines) }
        condition.unlock()
    }
}
