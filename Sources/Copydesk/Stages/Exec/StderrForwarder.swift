import Foundation

/// Copies a plugin child's stderr to ours, one line at a time, each prefixed `[stage-id] `,
/// and keeps the last lines for error reports.
final class StderrForwarder: @unchecked Sendable {
    // `tail` and `done` are guarded by `condition`.
    private let fd: Int32
    private let prefix: [UInt8]
    private let condition = NSCondition()
    private var tail: [String] = []
    private var done = false

    static let tailLines = 20

    init(fd: Int32, stageID: String) {
        self.fd = fd
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
                while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                    forward(Array(buffer[..<newline]))
                    buffer.removeSubrange(...newline)
                }
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
        _ = ExecChild.writeAll(2, prefix + line + [UInt8(ascii: "\n")])
        condition.lock()
        tail.append(String(decoding: line, as: UTF8.self))
        if tail.count > Self.tailLines { tail.removeFirst(tail.count - Self.tailLines) }
        condition.unlock()
    }
}
