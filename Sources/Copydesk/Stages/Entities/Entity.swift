/// A named entity found in a document field.
public struct Entity: Sendable, Equatable {
    /// Which tagger found it; also the order of precedence by default.
    public enum Source: String, Sendable, CaseIterable {
        case gazetteer, pattern, model
    }

    public var field: String
    /// UTF-8 byte range in the field's current (cleaned) text.
    public var range: Range<Int>
    public var label: String
    public var source: Source
    /// The canonical name, for gazetteer entities (the entry's `name`).
    public var canonical: String?
    /// The gazetteer entry's id, or the pattern rule's id.
    public var id: String?

    public init(field: String, range: Range<Int>, label: String, source: Source, canonical: String? = nil, id: String? = nil) {
        self.field = field
        self.range = range
        self.label = label
        self.source = source
        self.canonical = canonical
        self.id = id
    }
}

/// How often an entity is mentioned in a document, for the `mentions` summary.
public struct Mention: Sendable, Equatable {
    /// The canonical name, or the text as it first appeared.
    public var canonical: String
    public var label: String
    public var count: Int
    /// Code-point offset of the first mention in the first field that has one.
    public var first: Int
    /// The field of the first mention.
    public var field: String
}
