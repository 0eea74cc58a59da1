extension Explanation {
    /// For programs: the same as `text(color:)`, as one JSON object on one line (with its newline).
    ///
    /// Each stage carries its `trace` (objects as in `run --explain`), what it `added`, its
    /// `errors`, the `decision` after it, and its `diff` as unified-diff lines.
    public func json() -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("input"); writer.string(input.inputName)
        writer.key("format"); writer.string(input.format.rawValue)
        writer.key("line"); writer.int(input.document.line)
        writer.key("id")
        if let id = input.id { writer.string(id) } else { writer.null() }
        writer.key("field"); writer.string(textField)
        writer.key("stages")
        writer.beginArray()
        for step in steps { write(step, into: &writer) }
        writer.endArray()
        writer.key("before"); writer.string(input.document.string(textField) ?? "")
        writer.key("after"); writer.string(output.string(textField) ?? "")
        writer.key("meta"); writer.meta(output.meta)
        writer.key("tags")
        writer.strings(output.tags)
        writer.key("flags")
        writer.flags(output.flags)
        writer.key("decision"); writer.string(decision.rawValue)
        writer.key("reason")
        if let reason { writer.string(reason) } else { writer.null() }
        writer.endObject()
        return String(decoding: writer.bytes, as: UTF8.self) + "\n"
    }

    private func write(_ step: Step, into writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("stage"); writer.string(step.stage)
        writer.key("kind"); writer.string(step.kind)
        writer.key("ran"); writer.bool(step.ran)
        writer.key("trace")
        writer.beginArray()
        for firing in step.firings { writer.traceEvent(firing.event, span: firing.span) }
        writer.endArray()
        writer.key("added")
        writer.beginObject()
        writer.key("meta"); writer.meta(step.addedMeta)
        writer.key("tags")
        writer.strings(step.addedTags)
        writer.key("flags")
        writer.flags(step.addedFlags)
        writer.key("entities")
        writer.beginArray()
        for entity in step.addedEntities {
            writer.beginObject()
            writer.key("text"); writer.string(entity.text)
            writer.key("label"); writer.string(entity.label)
            writer.key("source"); writer.string(entity.source)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        writer.key("errors")
        writer.beginArray()
        for error in step.errors { writer.stageError(error) }
        writer.endArray()
        writer.key("decision"); writer.string(step.decisionAfter.rawValue)
        writer.key("diff")
        writer.beginArray()
        for hunk in step.diff.hunks() {
            writer.string(hunk.header)
            for line in hunk.lines { writer.string(line.unified) }
        }
        writer.endArray()
        writer.endObject()
    }
}
