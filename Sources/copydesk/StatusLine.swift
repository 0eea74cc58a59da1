import Copydesk
import Foundation

/// A live status line on stderr (documents/s, MB/s, counts) while a long run goes on.
/// Only drawn when stderr is a terminal; redrawn at most twice a second, after the first second.
final class StatusLine: @unchecked Sendable {
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false
    private let lock = NSLock()

    static func makeIfTerminal(quiet: Bool) -> StatusLine? {
        quiet || isatty(2) == 0 ? nil : StatusLine()
    }

    func update(_ summary: RunSummary) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        let elapsed = now.timeIntervalSince(start)
        guard elapsed >= 1, now.timeIntervalSince(lastDraw) >= 0.5 else { return }
        lastDraw = now
        drawn = true
        let docsPerSecond = Int(Double(summary.read) / elapsed)
        let megabytesPerSecond = Double(summary.bytesRead) / 1_000_000 / elapsed
        let line = "copydesk: \(summary.read) docs, \(docsPerSecond) docs/s, \(String(format: "%.1f", megabytesPerSecond)) MB/s, "
            + "written \(summary.written), dropped \(summary.dropped), rejected \(summary.rejected), flagged \(summary.flagged)"
        FileHandleOutput.standardError("\r\u{1B}[K" + line)
    }

    /// Erases the line before the final summary is printed.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandleOutput.standardError("\r\u{1B}[K") }
    }
}
