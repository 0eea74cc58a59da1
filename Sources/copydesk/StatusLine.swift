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
        FileHandleOutput.standardError("\r\u{1B}[K" + Self.line(progress, elapsed: elapsed, width: Self.columns()))
    }

    /// The text of the line, cut to the terminal's width.
    static func line(_ progress: BatchProgress, elapsed: Double, width: Int) -> String {
        let documents = progress.documents
        var parts: [String] = []
        let done = megabytes(progress.bytesDone)
        if let total = progress.bytesTotal, total > 0 {
            let percent = min(100, Double(progress.bytesDone) / Double(total) * 100)
            parts.append(String(format: "%3.0f%% %@/%@ MB", percent, done, megabytes(total)))
        } else {
            parts.append("\(done) MB")
        }
        if progress.filesTotal > 1 { parts.append("files \(progress.filesDone)/\(progress.filesTotal)") }
        parts.append("\(Int(Double(documents.read) / elapsed)) docs/s")
        parts.append(String(format: "%.1f MB/s", Double(progress.bytesDone) / 1_000_000 / elapsed))
        if let left = progress.secondsLeft { parts.append("ETA " + duration(left)) }
        parts.append("out \(documents.written), dropped \(documents.dropped), rejected \(documents.rejected), flagged \(documents.flagged)")
        let line = "copydesk: " + parts.joined(separator: ", ")
        return width > 1 && line.count >= width ? String(line.prefix(width - 1)) : line
    }

    private static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f", Double(bytes) / 1_000_000)
    }

    private static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        return total >= 3600
            ? String(format: "%d:%02d:%02d", total / 3600, total / 60 % 60, total % 60)
            : String(format: "%d:%02d", total / 60, total % 60)
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
