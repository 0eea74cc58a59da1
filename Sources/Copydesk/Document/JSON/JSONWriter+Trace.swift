extension JSONWriter {
    /// Writes one trace event as in the `copydesk` object's `trace`; `span` is in code points.
    public mutating func traceEvent(_ event: TraceEvent, span: Range<Int>) {
        beginObject()
        key("stage"); string(event.stage)
        key("rule")
        if let rule = event.rule { string(rule) } else { null() }
        key("at")
        if let mark = event.mark { string("\(mark.file):\(mark.line)") } else { null() }
        key("action"); string(event.action)
        key("field"); string(event.field)
        key("start"); int(span.lowerBound)
        key("end"); int(span.upperBound)
        key("text")
        event.text.withUnsafeBufferPointer { string(bytes: $0) }
        switch event.effect {
        case .strip, .other:
            break
        case .replace(let replacement):
            key("replacement")
            replacement.withUnsafeBufferPointer { string(bytes: $0) }
        case .extract(let meta, let stripped):
            key("meta")
            self.meta(meta)
            if stripped { key("stripped"); bool(true) }
        case .tag(let tags):
            key("tags")
            strings(tags)
        case .flag(let category, let severity):
            key("category"); string(category)
            key("severity"); string(severity)
        case .drop(let reason):
            key("reason"); string(reason)
        case .whitespace(let edits):
            key("edits"); int(edits)
        }
        endObject()
    }

    /// Writes a document's whole `trace` as an array, spans in code points of each field's input value.
    public mutating func trace(of document: Document) {
        beginArray()
        for (event, span) in zip(document.trace, document.traceCodePointRanges) {
            traceEvent(event, span: span)
        }
        endArray()
    }
}
