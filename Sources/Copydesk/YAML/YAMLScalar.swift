/// A scalar's text exactly as the document spelled it (after unescaping), and how it was written.
public struct YAMLScalar: Sendable, Hashable {
    /// How a scalar was written. Only plain scalars are resolved to null, booleans and numbers.
    public enum Style: Sendable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// The scalar's text.
    public var value: String
    /// How the scalar was written.
    public var style: Style

    /// Creates a scalar.
    public init(value: String, style: Style) {
        self.value = value
        self.style = style
    }
}
