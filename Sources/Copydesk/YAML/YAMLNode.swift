/// A node of a parsed YAML document, with the place it starts in the source.
///
/// Aliases are already expanded (an alias is a copy of its anchored node, marks included)
/// and merge keys (`<<`) already applied. Scalars keep their text; the typed accessors
/// (`isNull`, `bool`, `int`, `double`, `string`) resolve them with the YAML 1.2 core schema.
public struct YAMLNode: Sendable {
    /// What a node holds.
    public enum Content: Sendable {
        case scalar(YAMLScalar)
        case mapping([YAMLPair])
        case sequence([YAMLNode])
    }

    /// What the node holds.
    public var content: Content
    /// Where the node starts.
    public var mark: SourceMark
    /// The explicit tag, if any, shortened to `!!name` for the `tag:yaml.org,2002:` tags (e.g. `"!!str"`).
    public var tag: String?

    /// Creates a node.
    public init(content: Content, mark: SourceMark, tag: String? = nil) {
        self.content = content
        self.mark = mark
        self.tag = tag
    }

    /// The pairs of a mapping, in document order; `nil` for anything else.
    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The items of a sequence; `nil` for anything else.
    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The scalar, whatever it resolves to; `nil` for mappings and sequences.
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// The value of the pair whose key is a scalar equal to `key`; `nil` if none or not a mapping.
    public subscript(key: String) -> YAMLNode? {
        mapping?.first { $0.key.scalar?.value == key }?.value
    }
}
