extension JSONWriter {
    /// `[{"text", "label", "start", "end", "source", "field"?, "canonical"?, "id"?}]`, offsets in
    /// code points of the field's current text; `field` is written when it is not `textField`.
    public mutating func entities(of document: Document, textField: String) {
        beginArray()
        var indexes: [String: CodePointIndex] = [:]
        for entity in document.entities ?? [] {
            guard let text = document.field(entity.field) else { continue }
            let points = indexes[entity.field, default: CodePointIndex(text)]
            indexes[entity.field] = points
            let range = entity.range.clamped(to: text.indices)
            beginObject()
            key("text"); text.withUnsafeBufferPointer { string(bytes: UnsafeBufferPointer(rebasing: $0[range])) }
            key("label"); string(entity.label)
            key("start"); int(points.codePoint(atByte: range.lowerBound))
            key("end"); int(points.codePoint(atByte: range.upperBound))
            key("source"); string(entity.source.rawValue)
            if entity.field != textField { key("field"); string(entity.field) }
            if let canonical = entity.canonical { key("canonical"); string(canonical) }
            if let id = entity.id { key("id"); string(id) }
            endObject()
        }
        endArray()
    }

    /// `[{"canonical", "label", "count", "first"}]`, most mentioned first.
    public mutating func mentions(of document: Document, textField: String) {
        beginArray()
        for mention in document.mentions {
            beginObject()
            key("canonical"); string(mention.canonical)
            key("label"); string(mention.label)
            key("count"); int(mention.count)
            key("first"); int(mention.first)
            if mention.field != textField { key("field"); string(mention.field) }
            endObject()
        }
        endArray()
    }
}
