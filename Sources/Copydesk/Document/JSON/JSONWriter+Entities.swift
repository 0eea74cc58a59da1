extension JSONWriter {
    /// `[{"text", "label", "start", "end", "source", "field"?, "canonical"?, "id"?}]`, offsets in
    /// code points of the field's current text; `field` is written when it is not `textField`.
    public mutating func entities(of document: Document, textField: String) {
        var codePoints = FieldCodePoints(.current)
        entities(of: document, textField: textField, codePoints: &codePoints)
    }

    /// `entities(of:textField:)`, sharing code-point conversions with `mentions`.
    mutating func entities(of document: Document, textField: String, codePoints: inout FieldCodePoints) {
        beginArray()
        for entity in document.entities ?? [] {
            guard let text = document.field(entity.field) else { continue }
            let range = entity.range.clamped(to: text.indices)
            let points = codePoints.codePoints(range, in: entity.field, of: document)
            beginObject()
            key("text"); text.withUnsafeBufferPointer { string(bytes: UnsafeBufferPointer(rebasing: $0[range])) }
            key("label"); string(entity.label)
            key("start"); int(points.lowerBound)
            key("end"); int(points.upperBound)
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
        var codePoints = FieldCodePoints(.current)
        mentions(of: document, textField: textField, codePoints: &codePoints)
    }

    /// `mentions(of:textField:)`, sharing code-point conversions with `entities`.
    mutating func mentions(of document: Document, textField: String, codePoints: inout FieldCodePoints) {
        beginArray()
        for mention in document.mentions(codePoints: &codePoints) {
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
