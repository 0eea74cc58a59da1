/// Why an input document could not be processed. It goes to the rejects file verbatim.
public struct InputRejection: Error, Sendable, CustomStringConvertible {
    /// 1-based input line.
    public var line: Int
    /// 1-based column in Unicode scalars, when the problem has a position.
    public var column: Int?
    public var message: String

    public init(line: Int, column: Int?, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        "\(line):\(column ?? 1): \(message)"
    }
}

/// Reads documents from JSON Lines and plain text, and writes them back.
///
/// JSON Lines output is the input line with changed string fields re-encoded in place and one
/// member, `outputKey`, appended; every other byte is the input's.
public struct DocumentCodec: Sendable {
    public var textField: String
    public var outputKey: String
    /// Include `removed` spans and the `trace` in the annotations.
    public var explain: Bool

    public init(textField: String = "text", outputKey: String = "copydesk", explain: Bool = false) {
        self.textField = textField
        self.outputKey = outputKey
        self.explain = explain
    }

    /// Parses one JSON Lines line into a document.
    public func decodeLine(_ line: UnsafeBufferPointer<UInt8>, lineNumber: Int, sequence: Int) throws(InputRejection) -> (Document, JSONLineObject) {
        let object: JSONLineObject
        do {
            object = try JSONLineObject.parse(line)
        } catch {
            let column = UTF8Text.column(of: min(error.byteOffset, line.count), in: line)
            throw InputRejection(line: lineNumber, column: column, message: "malformed JSON: \(error.message)")
        }
        guard let text = object.member(named: textField) else {
            throw InputRejection(line: lineNumber, column: nil, message: "missing text field \"\(textField)\"")
        }
        guard text.isString else {
            let column = UTF8Text.column(of: text.valueRange.lowerBound, in: line)
            throw InputRejection(line: lineNumber, column: column, message: "text field \"\(textField)\" is \(Self.describeValue(line[text.valueRange.lowerBound])), expected a string")
        }
        var fields: [String: [UInt8]] = [:]
        fields.reserveCapacity(object.members.count)
        for member in object.members where member.isString && fields[member.key] == nil {
            fields[member.key] = JSONString.decode(UnsafeBufferPointer(rebasing: line[member.valueRange]))
        }
        return (Document(sequence: sequence, line: lineNumber, fields: fields), object)
    }

    /// A plain-text document. Invalid UTF-8 is a rejection naming its line and column.
    public func decodeText(_ bytes: UnsafeBufferPointer<UInt8>) throws(InputRejection) -> Document {
        if let bad = UTF8Text.firstInvalidByte(in: bytes) {
            var line = 1
            for byte in bytes[..<bad] where byte == UInt8(ascii: "\n") { line += 1 }
            throw InputRejection(line: line, column: UTF8Text.column(of: bad, in: bytes), message: "invalid UTF-8 byte 0x\(Self.hex(bytes[bad]))")
        }
        return Document(fields: [textField: Array(bytes)])
    }

    /// Writes a processed document as one JSON Lines line (with its newline).
    public func encodeLine(_ document: Document, object: JSONLineObject, line: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var splices: [(range: Range<Int>, member: JSONLineObject.Member?)] = []
        for (index, member) in object.members.enumerated() {
            if member.key == outputKey {
                // An input member with our key would be duplicated: remove it with its comma.
                let range: Range<Int>
                if index > 0 {
                    range = object.members[index - 1].valueRange.upperBound..<member.valueRange.upperBound
                } else if object.members.count > 1 {
                    range = member.keyRange.lowerBound..<object.members[1].keyRange.lowerBound
                } else {
                    range = member.keyRange.lowerBound..<member.valueRange.upperBound
                }
                splices.append((range, nil))
            } else if member.isString, document.changedFields.contains(member.key), object.member(named: member.key)?.keyRange == member.keyRange {
                splices.append((member.valueRange, member))
            }
        }
        splices.sort { $0.range.lowerBound < $1.range.lowerBound }
        var cursor = object.openingBrace
        let hasMembers = object.members.contains { $0.key != outputKey }
        out.append(contentsOf: line[0..<object.openingBrace])
        for splice in splices where splice.range.lowerBound >= cursor {
            out.append(contentsOf: line[cursor..<splice.range.lowerBound])
            if let member = splice.member, let value = document.field(member.key) {
                value.withUnsafeBufferPointer { JSONString.encode($0, into: &out) }
            }
            cursor = splice.range.upperBound
        }
        // Up to the closing brace, minus whitespace before it, so the appended member sits neatly.
        var end = object.closingBrace
        while end > cursor, Self.isJSONSpace(line[end - 1]) { end -= 1 }
        out.append(contentsOf: line[cursor..<end])
        if hasMembers { out.append(UInt8(ascii: ",")) }
        JSONString.encode(outputKey, into: &out)
        out.append(UInt8(ascii: ":"))
        appendAnnotations(document, into: &out)
        out.append(contentsOf: line[end..<(object.closingBrace + 1)])
        out.append(UInt8(ascii: "\n"))
    }

    /// Writes the `copydesk` object: meta, tags, flags, decision, errors (and removed and trace with explain).
    public func appendAnnotations(_ document: Document, into out: inout [UInt8]) {
        // The writer takes over `out`'s storage and gives it back: no copy of what it writes.
        var writer = JSONWriter()
        swap(&writer.bytes, &out)
        defer { swap(&writer.bytes, &out) }
        writer.beginObject()
        writer.decisionMembers(of: document)
        if let reason = document.dropReason {
            writer.key("reason")
            writer.string(reason)
        }
        writer.key("errors")
        writer.beginArray()
        for error in document.errors { writer.stageError(error) }
        writer.endArray()
        var codePoints = FieldCodePoints(.current)
        if !document.reasons.isEmpty || document.moderation != nil {
            writer.key("reasons")
            writer.strings(document.reasons)
        }
        if document.moderation != nil {
            writer.key("moderation")
            writer.moderation(of: document, codePoints: &codePoints)
        }
        if let clickbait = document.clickbait {
            writer.key("clickbait")
            writer.clickbait(clickbait)
        }
        if document.entities != nil {
            writer.key("entities")
            writer.entities(of: document, textField: textField, codePoints: &codePoints)
            writer.key("mentions")
            writer.mentions(of: document, textField: textField, codePoints: &codePoints)
        }
        if let quality = document.quality {
            writer.key("quality")
            writer.quality(quality)
        }
        if explain {
            var converter = FieldCodePoints(.input)
            writer.key("removed")
            appendRemoved(document, into: &writer, converter: &converter)
            writer.key("trace")
            writer.trace(of: document, converter: &converter)
        }
        writer.endObject()
    }

    private func appendRemoved(_ document: Document, into writer: inout JSONWriter, converter: inout FieldCodePoints) {
        // The text field first, then other fields by name; within a field by start, then in recorded order.
        let removed = document.removed
        let order = removedOrder(removed)
        // Converted before writing, so that the writing closure does not capture (and copy) the document.
        let spans = order.map { converter.codePoints(removed[$0].range, in: removed[$0].field, of: document) }
        let maximum = removed.reduce(2) {
            $0 &+ 64 &+ $1.source.removedMembers.count &+ JSONCursor.stringBound($1.field.utf8.count)
                &+ 2 &* JSONCursor.intBound &+ JSONCursor.stringBound($1.matchRange.count)
        }
        writer.value(maximum: maximum) { cursor in
            cursor.byte(UInt8(ascii: "["))
            for (position, index) in order.enumerated() {
                let span = removed[index]
                let points = spans[position]
                cursor.separator(first: position == 0)
                cursor.byte(UInt8(ascii: "{"))
                cursor.raw(span.source.removedMembers)
                if span.field != textField {
                    cursor.raw(#","field":"#)
                    cursor.string(span.field)
                }
                cursor.raw(#","start":"#)
                cursor.int(points.lowerBound)
                cursor.raw(#","end":"#)
                cursor.int(points.upperBound)
                cursor.raw(#","text":"#)
                span.matchedIn.withUnsafeBufferPointer { cursor.string(UnsafeBufferPointer(rebasing: $0[span.matchRange])) }
                cursor.byte(UInt8(ascii: "}"))
            }
            cursor.byte(UInt8(ascii: "]"))
        }
    }

    /// The order `removed` is written in: the text field first, then other fields by name; within
    /// a field by start, then in recorded order.
    private func removedOrder(_ removed: [RemovedSpan]) -> [Int] {
        guard let first = removed.first else { return [] }
        if removed.allSatisfy({ $0.field == first.field }) {
            return removed.indices.sorted { (removed[$0].range.lowerBound, $0) < (removed[$1].range.lowerBound, $1) }
        }
        return removed.indices.sorted { a, b in
            let x = removed[a], y = removed[b]
            if x.field != y.field {
                return (x.field == textField ? 0 : 1, x.field) < (y.field == textField ? 0 : 1, y.field)
            }
            return (x.range.lowerBound, a) < (y.range.lowerBound, b)
        }
    }

    /// Writes a document's cleaned text, ending with one newline unless it is empty.
    public func encodeText(_ document: Document, into out: inout [UInt8]) {
        guard let text = document.field(textField), !text.isEmpty else { return }
        out.append(contentsOf: text)
        if text.last != UInt8(ascii: "\n") { out.append(UInt8(ascii: "\n")) }
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }

    static func isJSONSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    static func describeValue(_ first: UInt8) -> String {
        switch first {
        case UInt8(ascii: "{"): "an object"
        case UInt8(ascii: "["): "an array"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): "a boolean"
        case UInt8(ascii: "n"): "null"
        default: "a number"
        }
    }
}
