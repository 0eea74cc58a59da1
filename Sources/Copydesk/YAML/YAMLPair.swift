/// One key and its value in a YAML mapping.
public struct YAMLPair: Sendable {
    /// The key; usually a scalar.
    public var key: YAMLNode
    /// The value.
    public var value: YAMLNode

    /// Creates a pair.
    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}
