extension JSONWriter {
    /// Writes one trace event as in the `copydesk` object's `trace`; `span` is in code points.
    public mutating func traceEvent(_ event: TraceEvent, span: Range<Int>) {
        value(maximum: event.jsonBound) { $0.traceEvent(event, span: span) }
    }

    /// Writes a document's whole `trace` as an array, spans in code points of each field's input value.
    public mutating func trace(of document: Document) {
        var converter = FieldCodePoints(.input)
        trace(of: document, converter: &converter)
    }

    /// `trace(of:)`, sharing code-point conversions with the rest of the document's annotations.
    mutating func trace(of document: Document, converter: inout FieldCodePoints) {
        let trace = document.trace
        // Converted before writing, so that the writing closure does not capture (and copy) the document.
        let spans = trace.map { converter.codePoints($0.range, in: $0.field, of: document) }
        let maximum = trace.reduce(2) { $0 &+ $1.jsonBound &+ 1 }
        value(maximum: maximum) { cursor in
            cursor.byte(UInt8(ascii: "["))
            for (index, event) in trace.enumerated() {
                cursor.separator(first: index == 0)
                cursor.traceEvent(event, span: spans[index])
            }
            cursor.byte(UInt8(ascii: "]"))
        }
    }
}

extension JSONCursor {
    /// `{"stage", "rule", "at", "action", "field", "start", "end", "text", …what the effect adds}`.
    mutating func traceEvent(_ event: TraceEvent, span: Range<Int>) {
        byte(UInt8(ascii: "{"))
        raw(event.source.jsonMembers)
        raw(#","action":"#)
        string(event.action)
        raw(#","field":"#)
        string(event.field)
        raw(#","start":"#)
        int(span.lowerBound)
        raw(#","end":"#)
        int(span.upperBound)
        raw(#","text":"#)
        event.matchedIn.withUnsafeBufferPointer { string(UnsafeBufferPointer(rebasing: $0[event.matchRange])) }
        switch event.effect {
        case .strip, .other:
            break
        case .replace(let replacement):
            raw(#","replacement":"#)
            replacement.withUnsafeBufferPointer { string($0) }
        case .extract(let meta, let stripped):
            raw(#","meta":{"#)
            for (index, entry) in meta.entries.enumerated() {
                separator(first: index == 0)
                string(entry.key)
                byte(UInt8(ascii: ":"))
                string(entry.value)
            }
            byte(UInt8(ascii: "}"))
            if stripped { raw(#","stripped":true"#) }
        case .tag(let tags):
            raw(#","tags":["#)
            for (index, tag) in tags.enumerated() {
                separator(first: index == 0)
                string(tag)
            }
            byte(UInt8(ascii: "]"))
        case .flag(let category, let severity):
            raw(#","category":"#)
            string(category)
            raw(#","severity":"#)
            string(severity)
        case .drop(let reason):
            raw(#","reason":"#)
            string(reason)
        case .whitespace(let edits):
            raw(#","edits":"#)
            int(edits)
        }
        byte(UInt8(ascii: "}"))
    }
}

extension TraceEvent {
    /// The most bytes that `JSONCursor.traceEvent` writes for this event.
    var jsonBound: Int {
        typealias C = JSONCursor
        // Keys, punctuation and the two numbers, generously.
        var bound = 128 &+ source.jsonMembers.count &+ 2 &* C.intBound
        bound &+= C.stringBound(field.utf8.count) &+ C.stringBound(matchRange.count)
        switch effect {
        case .strip, .whitespace:
            break
        case .other(let action):
            bound &+= C.stringBound(action.utf8.count)
        case .replace(let replacement):
            bound &+= C.stringBound(replacement.count)
        case .extract(let meta, _):
            for entry in meta.entries {
                bound &+= 1 &+ C.stringBound(entry.key.utf8.count) &+ C.stringBound(entry.value.utf8.count)
            }
        case .tag(let tags):
            for tag in tags { bound &+= 1 &+ C.stringBound(tag.utf8.count) }
        case .flag(let category, let severity):
            bound &+= C.stringBound(category.utf8.count) &+ C.stringBound(severity.utf8.count)
        case .drop(let reason):
            bound &+= C.stringBound(reason.utf8.count)
        }
        return bound
    }
}
