import Foundation

/// What one input of a batch came to.
public struct FileReport: Sendable {
    /// Position in the list of inputs.
    public var index: Int
    public var name: String
    public var summary: RunSummary
    /// Bytes read from disk (compressed size for a compressed input).
    public var bytesIn = 0
    /// Bytes of documents written to disk (compressed size for a compressed output).
    public var bytesOut = 0
    public var seconds = 0.0
}

/// The totals of a batch run: the summary table on stderr and the `run` object of `--stats-json`.
public struct BatchReport: Sendable {
    /// Counts over every input processed; `stats` holds the rule statistics when collected.
    public var summary = RunSummary()
    public var filesTotal = 0
    public var filesDone = 0
    /// Inputs skipped by `--resume`.
    public var filesSkipped = 0
    /// Inputs that failed (unreadable, bad compressed data); their outputs were not committed.
    public var failures: [String] = []
    /// A stage stopped the run (`BatchStopped`): the totals are those of the inputs processed so far,
    /// the last of them only in part.
    public var stoppedEarly = false
    public var bytesIn = 0
    public var bytesOut = 0
    public var seconds = 0.0
    /// The first `maxRows` inputs, in input order, for the table; the totals cover all of them.
    public var files: [FileReport] = []

    public static let maxRows = 50

    public init() {}

    mutating func add(_ file: FileReport) {
        summary.add(file.summary)
        if let stats = file.summary.stats {
            if summary.stats == nil { summary.stats = stats } else { summary.stats?.add(stats) }
        }
        bytesIn += file.bytesIn
        bytesOut += file.bytesOut
        filesDone += 1
        if file.index < Self.maxRows {
            let position = files.firstIndex { $0.index > file.index } ?? files.endIndex
            files.insert(file, at: position)
        }
    }

    /// The summary table: one row per input (up to `maxRows`), then the totals.
    public var table: String {
        var rows = [["file", "docs in", "out", "dropped", "rejected", "failed", "flagged", "MB in", "MB out", "seconds"]]
        func row(_ name: String, _ s: RunSummary, _ bytesIn: Int, _ bytesOut: Int, _ seconds: Double) -> [String] {
            [name, "\(s.read)", "\(s.written)", "\(s.dropped)", "\(s.rejected)", "\(s.failed)", "\(s.flagged)",
             megabytes(bytesIn), megabytes(bytesOut), String(format: "%.2f", seconds)]
        }
        for file in files { rows.append(row(file.name, file.summary, file.bytesIn, file.bytesOut, file.seconds)) }
        let unlisted = filesDone - failures.count - files.count
        if unlisted > 0 { rows.append(["… \(unlisted) more"] + Array(repeating: "", count: rows[0].count - 1)) }
        var label = "total: \(filesDone) file\(filesDone == 1 ? "" : "s")"
        if filesSkipped > 0 { label += ", \(filesSkipped) skipped" }
        if !failures.isEmpty { label += ", \(failures.count) failed" }
        if stoppedEarly { label += ", stopped early" }
        rows.append(row(label, summary, bytesIn, bytesOut, seconds))
        return TextTable.lines(rows, rightAligned: Set(1..<rows[0].count)).joined(separator: "\n") + "\n"
    }

    private func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f", Double(bytes) / 1_000_000)
    }

    /// The `run` object of `--stats-json`.
    func writeJSON(into writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("files"); writer.int(filesTotal)
        writer.key("files_done"); writer.int(filesDone)
        writer.key("files_skipped"); writer.int(filesSkipped)
        writer.key("files_failed"); writer.int(failures.count)
        writer.key("documents_in"); writer.int(summary.read)
        writer.key("documents_out"); writer.int(summary.written)
        writer.key("dropped"); writer.int(summary.dropped)
        writer.key("rejected"); writer.int(summary.rejected)
        writer.key("failed"); writer.int(summary.failed)
        writer.key("flagged"); writer.int(summary.flagged)
        writer.key("stopped_early"); writer.bool(stoppedEarly)
        writer.key("bytes_in"); writer.int(bytesIn)
        writer.key("bytes_in_uncompressed"); writer.int(summary.bytesRead)
        writer.key("bytes_out"); writer.int(bytesOut)
        writer.key("seconds"); writer.double(seconds)
        writer.endObject()
    }
}
