/// A libyaml event as it sits in the parser's memory (see `YAMLEventReader.withNextEvent`).
struct RawYAMLEvent {
    enum Kind {
        case streamStart, streamEnd, documentStart, documentEnd, alias, scalar
        case sequenceStart, sequenceEnd, mappingStart, mappingEnd
    }

    let kind: Kind
    /// A scalar's bytes (UTF-8, unescaped); empty for other kinds. Valid only while the event is.
    let value: UnsafeBufferPointer<UInt8>
    /// libyaml's 0-based position of the event's start; `YAMLEventReader.mark(of:)` makes a `SourceMark`.
    let line: Int
    let column: Int

    /// The scalar as a String (copied).
    var string: String { String(decoding: value, as: UTF8.self) }

    /// Whether the scalar's bytes are exactly `literal`'s.
    func isScalar(_ literal: StaticString) -> Bool {
        kind == .scalar && literal.withUTF8Buffer { $0.elementsEqual(value) }
    }
}
