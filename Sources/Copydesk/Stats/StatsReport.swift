import Foundation

/// Renders a run's counters for people (`run --stats`, on stderr) and machines (`--stats-json`).
public struct StatsReport: Sendable {
    public var summary: RunSummary
    public var stats: PipelineStats
    /// Wall time of the run.
    public var seconds: Double
    /// Input bytes read.
    public var bytesIn: Int
    /// The totals of a run over files and folders: the `run` object of the JSON.
    public var run: BatchReport?

    public init(summary: RunSummary, stats: PipelineStats, seconds: Double, bytesIn: Int) {
        self.summary = summary
        self.stats = stats
        self.seconds = seconds
        self.bytesIn = bytesIn
    }

    public var text: String {
        var lines: [String] = []
        let rate = seconds > 0 ? Double(summary.read) / seconds : 0
        let megabytes = Double(bytesIn) / 1_000_000
        let failed = summary.failed > 0 ? ", failed \(summary.failed)" : ""
        lines.append("documents: in \(summary.read), out \(summary.written), dropped \(summary.dropped), rejected \(summary.rejected)\(failed), flagged \(summary.flagged)")
        lines.append("time: \(format(seconds, digits: 2)) s, \(format(rate, digits: 0)) docs/s, \(format(seconds > 0 ? megabytes / seconds : 0, digits: 1)) MB/s")
        var stageRows = [["stage", "kind", "time ms", "docs changed"]]
        for id in stats.stageOrder {
            let stage = stats.stages[id] ?? StageStats()
            stageRows.append([id, stage.kind, milliseconds(stage.nanoseconds), "\(stage.documentsChanged)"])
        }
        lines.append("")
        lines.append(contentsOf: table(stageRows, rightAligned: [2, 3]))
        var ruleRows = [["rule", "hits", "docs hit", "bytes removed", "match ms", "limit errors"]]
        for id in stats.ruleOrder {
            let rule = stats.rules[id] ?? RuleStats()
            ruleRows.append([id, "\(rule.hits)", "\(rule.documentsHit)", "\(rule.bytesRemoved)", milliseconds(rule.nanoseconds), "\(rule.limitErrors)"])
        }
        if ruleRows.count > 1 {
            lines.append("")
            lines.append(contentsOf: table(ruleRows, rightAligned: [1, 2, 3, 4, 5]))
        }
        let slow = stats.slowRules
        if !slow.isEmpty {
            let total = stats.ruleOrder.reduce(UInt64(0)) { $0 + (stats.rules[$1]?.nanoseconds ?? 0) }
            let parts = slow.map { id -> String in
                let share = Double(stats.rules[id]?.nanoseconds ?? 0) / Double(max(total, 1)) * 100
                return "\(id) (\(format(share, digits: 0))% of rule time)"
            }
            lines.append("")
            lines.append("slow rules: " + parts.joined(separator: ", "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public var json: [UInt8] {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("documents")
        writer.beginObject()
        writer.key("in"); writer.int(summary.read)
        writer.key("out"); writer.int(summary.written)
        writer.key("dropped"); writer.int(summary.dropped)
        writer.key("rejected"); writer.int(summary.rejected)
        writer.key("failed"); writer.int(summary.failed)
        writer.key("flagged"); writer.int(summary.flagged)
        writer.key("rule_errors"); writer.int(summary.documentErrors)
        writer.endObject()
        writer.key("seconds"); writer.double(seconds)
        writer.key("bytes_in"); writer.int(bytesIn)
        if let run {
            writer.key("run")
            run.writeJSON(into: &writer)
        }
        writer.key("stages")
        writer.beginArray()
        for id in stats.stageOrder {
            let stage = stats.stages[id] ?? StageStats()
            writer.beginObject()
            writer.key("id"); writer.string(id)
            writer.key("kind"); writer.string(stage.kind)
            writer.key("seconds"); writer.double(Double(stage.nanoseconds) / 1e9)
            writer.key("documents_changed"); writer.int(stage.documentsChanged)
            writer.endObject()
        }
        writer.endArray()
        writer.key("rules")
        writer.beginArray()
        for id in stats.ruleOrder {
            let rule = stats.rules[id] ?? RuleStats()
            writer.beginObject()
            writer.key("id"); writer.string(id)
            writer.key("hits"); writer.int(rule.hits)
            writer.key("documents_hit"); writer.int(rule.documentsHit)
            writer.key("bytes_removed"); writer.int(rule.bytesRemoved)
            writer.key("match_seconds"); writer.double(Double(rule.nanoseconds) / 1e9)
            writer.key("limit_errors"); writer.int(rule.limitErrors)
            writer.key("other_errors"); writer.int(rule.otherErrors)
            writer.endObject()
        }
        writer.endArray()
        writer.key("slow_rules")
        writer.beginArray()
        for id in stats.slowRules { writer.string(id) }
        writer.endArray()
        writer.endObject()
        return writer.bytes + [UInt8(ascii: "\n")]
    }

    private func milliseconds(_ nanoseconds: UInt64) -> String {
        format(Double(nanoseconds) / 1e6, digits: 1)
    }

    private func format(_ value: Double, digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }

    private func table(_ rows: [[String]], rightAligned: Set<Int>) -> [String] {
        TextTable.lines(rows, rightAligned: rightAligned).map { $0.trimmingSpaces() }
    }
}
