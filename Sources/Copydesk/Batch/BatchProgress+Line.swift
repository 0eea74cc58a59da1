import Foundation

extension BatchProgress {
    /// The progress line: bytes done of the total, files, documents/s, MB/s, time left and counts,
    /// cut to `width` columns (0: no limit) so that a terminal does not wrap it.
    public func line(width: Int = 0) -> String {
        var parts: [String] = []
        let done = Self.megabytes(bytesDone)
        if let total = bytesTotal, total > 0 {
            let percent = min(100, Double(bytesDone) / Double(total) * 100)
            parts.append(String(format: "%3.0f%% ", percent) + "\(done)/\(Self.megabytes(total)) MB")
        } else {
            parts.append("\(done) MB")
        }
        if filesTotal > 1 { parts.append("files \(filesDone)/\(filesTotal)") }
        let elapsed = max(seconds, 1e-9)
        parts.append("\(Int(Double(documents.read) / elapsed)) docs/s")
        parts.append(String(format: "%.1f MB/s", Double(bytesDone) / 1_000_000 / elapsed))
        if let left = secondsLeft { parts.append("ETA " + Self.duration(left)) }
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
}
