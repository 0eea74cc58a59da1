/// A named entity found in raw text: a half-open byte range into the input and its type.
public struct EntitySpan: Sendable, Hashable, CustomStringConvertible {
    /// Offset of the entity's first byte in the input.
    public var byteStart: Int
    /// Offset one past the entity's last byte in the input.
    public var byteEnd: Int
    /// The entity type.
    public var label: EntityLabel

    public init(byteStart: Int, byteEnd: Int, label: EntityLabel) {
        self.byteStart = byteStart
        self.byteEnd = byteEnd
        self.label = label
    }

    public var description: String { "\(byteStart)..<\(byteEnd) \(label.name)" }
}
