import Copydesk
import Foundation

/// A live progress line on stderr while a long run goes on: bytes done of the total (the
/// compressed position for compressed input), files done, documents/s, MB/s and the time left.
/// Only drawn when stderr is a terminal; redrawn at most twice a second, after the first second.
final class StatusLine: @unchecked Sendable {
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false
    private let lock = NSLock()

    static func makeIfTerminal(quiet: Bool) -> StatusLine? {
        quiet || isatty(2) == 0 ? nil : StatusLine()
    }

    func update(_ progress: BatchProgress) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        let elapsed = now.timeIntervalSince(start)
        guard elapsed >= 1, now.timeIntervalSince(lastDraw) >= 0.5 else { return }
        lastDraw = now
        drawn = true
        FileHandleOutput.standardError("\r\u{1B}[K" + progress.line(width: Self.columns()))
    }

    /// The width of the terminal on stderr, 0 when unknown: a line longer than it would wrap and
    /// break the redraw.
    private static func columns() -> Int {
        var size = winsize()
        return ioctl(2, UInt(TIOCGWINSZ), &size) == 0 ? Int(size.ws_col) : 0
    }

    /// Erases the line before the final summary is printed.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandleOutput.standardError("\r\u{1B}[K") }
    }
}
