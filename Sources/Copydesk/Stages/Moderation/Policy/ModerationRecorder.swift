/// How a moderation stage hands its findings to the document.
struct ModerationRecorder: Sendable {
    var stageID: String
    var stageKind: String
    var policy: ModerationPolicy
    /// The stage's own `action:`, for findings no policy rule matches.
    var fallback: ModerationAction

    /// Decides each finding's action and carries it out: flags, tags, drops, and redactions
    /// (applied through `Document.apply`, one edit list per field, shifting earlier detections
    /// and entities of that field). Findings of one field must not overlap.
    func record(_ findings: [ModerationFinding], in document: inout Document) {
        if document.moderation == nil { document.moderation = [] }
        guard !findings.isEmpty else { return }
        let actions = findings.map { policy.action(for: $0, stageID: stageID, stageKind: stageKind, fallback: fallback) }
        var fields: [String] = []
        for finding in findings where !fields.contains(finding.field) { fields.append(finding.field) }
        for field in fields {
            guard let text = document.field(field) else { continue }
            let indices = findings.indices.filter { findings[$0].field == field }.sorted { findings[$0].range.lowerBound < findings[$1].range.lowerBound }
            var edits: [TextEdit] = []
            var editOf: [Int: Int] = [:]
            for index in indices {
                let finding = findings[index]
                let action = actions[index]
                let range = finding.range.clamped(to: text.indices)
                if case .redact(let style) = action, range.lowerBound >= (edits.last?.range.upperBound ?? 0), !range.isEmpty {
                    editOf[index] = edits.count
                    edits.append(TextEdit(range: range, replacement: style.replacement(for: text[range], label: finding.label)))
                }
                trace(finding, action: action, edit: editOf[index].map { edits[$0] }, text: text, in: &document)
                switch action {
                case .flag:
                    // One flag per rule, however often it fired (each firing is in `moderation`).
                    if !document.flags.contains(where: { $0.rule == finding.rule }) {
                        document.addFlag(ModerationFlag(rule: finding.rule, category: finding.category, severity: finding.severity.rawValue))
                    }
                case .drop:
                    document.drop(reason: "\(finding.rule): \(finding.category) (\(finding.severity.rawValue))", rule: finding.rule)
                case .tag(let tag):
                    document.addTag(tag ?? finding.label)
                    document.addReason(finding.rule)
                case .redact:
                    document.addReason(finding.rule)
                }
            }
            var newRanges: [Int: Range<Int>] = [:]
            if !edits.isEmpty {
                document.apply(edits, to: field)
                let shift = OffsetShift(edits)
                for i in document.moderation!.indices where document.moderation![i].field == field {
                    document.moderation![i].range = shift.map(document.moderation![i].range)
                }
                if document.entities != nil {
                    for i in document.entities!.indices where document.entities![i].field == field {
                        document.entities![i].range = shift.map(document.entities![i].range)
                    }
                }
                for index in indices {
                    newRanges[index] = editOf[index].map { shift.editRanges[$0] } ?? shift.map(findings[index].range)
                }
            }
            for index in indices {
                let finding = findings[index]
                document.moderation!.append(ModerationDetection(
                    stage: stageID, type: finding.type, category: finding.category, severity: finding.severity,
                    rule: finding.rule, field: field, range: newRanges[index] ?? finding.range,
                    confidence: finding.confidence, action: actions[index].name))
            }
        }
    }

    private func trace(_ finding: ModerationFinding, action: ModerationAction, edit: TextEdit?, text: [UInt8], in document: inout Document) {
        guard document.tracksOrigins else { return }
        let effect: TraceEvent.Effect
        switch action {
        case .flag: effect = .flag(category: finding.category, severity: finding.severity.rawValue)
        case .drop: effect = .drop(reason: "\(finding.category) (\(finding.severity.rawValue))")
        case .tag(let tag): effect = .tag([tag ?? finding.label])
        case .redact: effect = edit.map { .replace(replacement: $0.replacement) } ?? .flag(category: finding.category, severity: finding.severity.rawValue)
        }
        let range = finding.range.clamped(to: text.indices)
        document.trace.append(TraceEvent(
            source: finding.source, field: finding.field, range: document.originalRange(of: range, in: finding.field),
            matchedIn: text, matchRange: range, effect: effect))
    }
}
