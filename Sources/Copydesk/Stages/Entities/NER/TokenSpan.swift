/// An entity expressed in token indices: tokens `start..<end` of one document, with a type.
public struct TokenSpan: Sendable, Hashable {
    /// Index of the entity's first token.
    public var start: Int
    /// Index one past the entity's last token.
    public var end: Int
    /// The entity type.
    public var label: EntityLabel

    public init(start: Int, end: Int, label: EntityLabel) {
        self.start = start
        self.end = end
        self.label = label
    }
}
