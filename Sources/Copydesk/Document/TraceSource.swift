/// The stage and rule behind trace events, with where they are defined.
///
/// Stages build one per rule when the pipeline is compiled and share it across every event
/// and worker, so recording an event copies no strings, and writing one copies bytes that
/// were JSON-encoded once.
public final class TraceSource: Sendable, Equatable {
    public let stage: String
    /// nil for a stage-level event.
    public let rule: String?
    public let mark: SourceMark?
    /// `"stage":…,"rule":…,"at":…`, the members that every event from this source starts with.
    let jsonMembers: [UInt8]
    /// `"rule":…`, the member that every `removed` entry from this source starts with.
    let removedMembers: [UInt8]

    public init(stage: String, rule: String?, mark: SourceMark?) {
        self.stage = stage
        self.rule = rule
        self.mark = mark
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("stage"); writer.string(stage)
        writer.key("rule")
        if let rule { writer.string(rule) } else { writer.null() }
        writer.key("at")
        if let mark { writer.string("\(mark.file):\(mark.line)") } else { writer.null() }
        jsonMembers = Array(writer.bytes.dropFirst())
        var removed = JSONWriter()
        removed.beginObject()
        removed.key("rule"); removed.string(rule ?? "")
        removedMembers = Array(removed.bytes.dropFirst())
    }

    public static func == (lhs: TraceSource, rhs: TraceSource) -> Bool {
        lhs === rhs || (lhs.stage == rhs.stage && lhs.rule == rhs.rule && lhs.mark == rhs.mark)
    }
}
