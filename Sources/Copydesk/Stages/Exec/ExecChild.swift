import CopydeskPluginAPI
import Foundation

/// One running plugin process: a writer thread feeding its stdin, a reader thread for its
/// answers on stdout, and one forwarding its stderr to ours, prefixed `[stage-id]`.
///
/// Answers and the end of stdout go to `onLine` and `onExit`; the owner (an `ExecPool`)
/// decides what they mean. The child is reaped by its stdout reader.
final class ExecChild: @unchecked Sendable {
    // Mutable state below is guarded by `condition`.
    let process: ChildProcess
    let handshake: PluginHandshake
    private let condition = NSCondition()
    private var queue: [[UInt8]] = []
    private var inputClosing = false
    private var exitStatus: ChildProcess.ExitStatus?
    private let stderr: StderrForwarder

    private init(process: ChildProcess, handshake: PluginHandshake, stderr: StderrForwarder) {
        self.process = process
        self.handshake = handshake
        self.stderr = stderr
    }

    /// Starts the command, sends the hello and reads the handshake (within `timeout` seconds).
    /// Then starts the threads: `onLines` gets the later stdout lines, as many as each read
    /// brought; `onOverlong` is called (and the child killed) when a stdout line grows past
    /// `maxLineBytes` without its newline; `onExit` gets the exit status once stdout ends and
    /// the child is reaped.
    static func launch(
        _ command: [String], environment: [String: String], directory: String?, hello: [UInt8], stageID: String, timeout: Double,
        maxLineBytes: Int,
        onLines: @escaping @Sendable ([[UInt8]]) -> Void, onOverlong: @escaping @Sendable () -> Void,
        onExit: @escaping @Sendable (ChildProcess.ExitStatus) -> Void
    ) throws(ExecStartError) -> ExecChild {
        // A child that dies while we write to it must fail that write, not kill copydesk.
        signal(SIGPIPE, SIG_IGN)
        let deadline = MonotonicClock.now() &+ UInt64(max(0, timeout) * 1e9)
        let process = try ChildProcess.spawn(command, environment: environment, directory: directory)
        let stderr = StderrForwarder(fd: process.errors, stageID: stageID)
        stderr.start()
        // Kills the child and frees its pipes; returns how it ended.
        func abandon() -> ChildProcess.ExitStatus {
            process.kill()
            let status = process.wait()
            stderr.waitUntilDone()
            close(process.input)
            close(process.output)
            return status
        }
        func stderrTail() -> String {
            stderr.lines.isEmpty ? "" : "; its stderr ends with:\n" + stderr.lines.map { "    " + $0 }.joined(separator: "\n")
        }
        // A config larger than the pipe's buffer must not block us on a child that never reads
        // it. A child that exits instead fails the write at once, and the handshake below.
        if !writeAll(process.input, hello, until: deadline) && MonotonicClock.now() >= deadline {
            let status = abandon()
            throw ExecStartError("\(command[0]) did not read its hello (\(hello.count) bytes) within \(formatSeconds(timeout)) (the child \(status))\(stderrTail())")
        }
        var pending: [UInt8] = []
        guard let line = readLine(process.output, buffer: &pending, until: deadline, maxLineBytes: maxLineBytes) else {
            let status = abandon()
            throw ExecStartError("no handshake from \(command[0]) within \(formatSeconds(timeout)) (the child \(status))\(stderrTail())")
        }
        let handshake: PluginHandshake
        do {
            handshake = try line.withUnsafeBytes { (bytes) throws(PluginMessageError) in try PluginHandshake(line: bytes) }
        } catch {
            _ = abandon()
            throw ExecStartError("bad handshake from \(command[0]): \(error)")
        }
        guard handshake.protocolVersion == PluginProtocol.version else {
            _ = abandon()
            throw ExecStartError("\(command[0]) speaks plugin protocol version \(handshake.protocolVersion); this copydesk speaks version \(PluginProtocol.version)")
        }
        let child = ExecChild(process: process, handshake: handshake, stderr: stderr)
        child.startWriter()
        child.startReader(initial: pending, maxLineBytes: maxLineBytes, onLines: onLines, onOverlong: onOverlong, onExit: onExit)
        return child
    }

    /// Queues request lines (each with its newline) for the child's stdin.
    func send(_ lines: [[UInt8]]) {
        condition.lock()
        if !inputClosing { queue.append(contentsOf: lines) }
        condition.signal()
        condition.unlock()
    }

    /// Closes stdin once the queued lines are written: the protocol's "no more requests".
    func closeInput() {
        condition.lock()
        inputClosing = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits up to `seconds` for the child to exit (and its stderr to be forwarded); true if it did.
    func waitForExit(upTo seconds: Double) -> Bool {
        let deadline = Date(timeIntervalSinceNow: seconds)
        condition.lock()
        defer { condition.unlock() }
        while exitStatus == nil {
            if !condition.wait(until: deadline) { return false }
        }
        return true
    }

    /// The last lines the child wrote to stderr so far.
    var tail: [String] {
        stderr.lines
    }

    private func startWriter() {
        let fd = process.input
        Thread { [self] in
            var broken = false
            while true {
                condition.lock()
                while queue.isEmpty && !inputClosing { condition.wait() }
                if queue.isEmpty && inputClosing {
                    condition.unlock()
                    break
                }
                let lines = queue
                queue.removeAll(keepingCapacity: true)
                condition.unlock()
                // After a failed write (the child is gone) keep draining, so senders never block.
                if broken { continue }
                // One write for everything queued.
                if lines.count == 1 {
                    broken = !Self.writeAll(fd, lines[0])
                } else {
                    var buffer: [UInt8] = []
                    buffer.reserveCapacity(lines.reduce(0) { $0 + $1.count })
                    for line in lines { buffer.append(contentsOf: line) }
                    broken = !Self.writeAll(fd, buffer)
                }
            }
            close(fd)
        }.start()
    }

    private func startReader(
        initial: [UInt8], maxLineBytes: Int, onLines: @escaping @Sendable ([[UInt8]]) -> Void,
        onOverlong: @escaping @Sendable () -> Void, onExit: @escaping @Sendable (ChildProcess.ExitStatus) -> Void
    ) {
        let fd = process.output
        Thread { [self] in
            var buffer = initial
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            var start = 0
            while true {
                // Deliver every complete line in the buffer at once: one wake-up for all of them.
                var lines: [[UInt8]] = []
                while let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                    lines.append(Array(buffer[start..<newline]))
                    start = newline + 1
                }
                if !lines.isEmpty { onLines(lines) }
                if start > 0 {
                    buffer.removeSubrange(0..<start)
                    start = 0
                }
                // No answer is this long: stop reading, rather than buffer without end.
                if buffer.count > maxLineBytes {
                    onOverlong()
                    process.kill()
                    break
                }
                let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { break }
                buffer.append(contentsOf: chunk[0..<count])
            }
            close(fd)
            let status = process.wait()
            stderr.waitUntilDone()
            condition.lock()
            exitStatus = status
            condition.broadcast()
            condition.unlock()
            onExit(status)
        }.start()
    }

    /// Writes every byte, retrying short writes; false once the pipe is broken.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
    }

    /// Writes every byte before `deadline` (a monotonic time); false if the pipe broke or the
    /// deadline passed. The descriptor is non-blocking meanwhile.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], until deadline: UInt64) -> Bool {
        let flags = fcntl(fd, F_GETFL)
        guard flags >= 0, fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0 else { return false }
        defer { _ = fcntl(fd, F_SETFL, flags) }
        return bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if written >= 0 {
                    offset += written
                    continue
                }
                if errno == EINTR { continue }
                guard errno == EAGAIN || errno == EWOULDBLOCK else { return false }
                let now = MonotonicClock.now()
                guard now < deadline else { return false }
                var descriptor = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                _ = poll(&descriptor, 1, Int32(min(1000, max(1, (deadline - now) / 1_000_000))))
            }
            return true
        }
    }

    /// Reads one line (without its newline) before `deadline` (a monotonic time); the bytes
    /// after it stay in `buffer`. Nil at end of file, at the deadline, or once more than
    /// `maxLineBytes` come without a newline.
    static func readLine(_ fd: Int32, buffer: inout [UInt8], until deadline: UInt64, maxLineBytes: Int) -> [UInt8]? {
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                return line
            }
            guard buffer.count <= maxLineBytes else { return nil }
            let now = MonotonicClock.now()
            guard now < deadline else { return nil }
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(min(1000, max(1, (deadline - now) / 1_000_000))))
            if ready < 0 && errno != EINTR { return nil }
            if ready <= 0 { continue }
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return nil }
            buffer.append(contentsOf: chunk[0..<count])
        }
    }
}

/// "2 s", "0.5 s".
func formatSeconds(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
}
