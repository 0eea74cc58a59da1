/// Reads one YAML mapping of the config: typed accessors that report wrong types, missing
/// required keys and unknown keys (with a "did you mean") to the `ConfigContext`.
public struct ConfigMapping {
    public let node: YAMLNode
    private let context: ConfigContext
    private let what: String

    /// Returns nil (after reporting) when `node` is not a mapping. Unknown keys are reported now.
    public init?(_ node: YAMLNode, allowedKeys: [String], what: String, context: ConfigContext) {
        guard let pairs = node.mapping else {
            context.error("expected a mapping for \(what), found \(node.kindDescription)", at: node.mark)
            return nil
        }
        self.node = node
        self.context = context
        self.what = what
        for pair in pairs {
            guard let key = pair.key.string else {
                context.error("expected a string key in \(what), found \(pair.key.kindDescription)", at: pair.key.mark)
                continue
            }
            if !allowedKeys.contains(key) {
                context.error(unknownNameMessage("key", key, in: what, among: allowedKeys), at: pair.key.mark)
            }
        }
    }

    public func has(_ key: String) -> Bool {
        node[key] != nil
    }

    public func value(_ key: String) -> YAMLNode? {
        node[key]
    }

    /// Where `key` is, for messages about it; the mapping's mark when it is absent.
    public func mark(of key: String) -> SourceMark {
        node.mapping?.first { $0.key.string == key }?.key.mark ?? node.mark
    }

    public func string(_ key: String, required: Bool = false) -> String? {
        guard let value = present(key, required: required, expected: "a string") else { return nil }
        guard let string = value.string, value.mapping == nil, value.sequence == nil else {
            context.error("expected a string for \"\(key)\", found \(value.kindDescription)", at: value.mark)
            return nil
        }
        return string
    }

    public func bool(_ key: String) -> Bool? {
        guard let value = present(key, required: false, expected: "true or false") else { return nil }
        guard let bool = value.bool else {
            context.error("expected true or false for \"\(key)\", found \(value.kindDescription)", at: value.mark)
            return nil
        }
        return bool
    }

    public func int(_ key: String, range: ClosedRange<Int>? = nil) -> Int? {
        guard let value = present(key, required: false, expected: "an integer") else { return nil }
        guard let int = value.int else {
            context.error("expected an integer for \"\(key)\", found \(value.kindDescription)", at: value.mark)
            return nil
        }
        if let range, !range.contains(int) {
            context.error("expected \"\(key)\" between \(range.lowerBound) and \(range.upperBound), found \(int)", at: value.mark)
            return nil
        }
        return int
    }

    /// A string or a list of strings, with each item's mark.
    public func strings(_ key: String, required: Bool = false) -> [(String, SourceMark)]? {
        guard let value = present(key, required: required, expected: "a string or a list of strings") else { return nil }
        if let string = value.string { return [(string, value.mark)] }
        guard let items = value.sequence else {
            context.error("expected a string or a list of strings for \"\(key)\", found \(value.kindDescription)", at: value.mark)
            return nil
        }
        var result: [(String, SourceMark)] = []
        for item in items {
            if let string = item.string, item.mapping == nil, item.sequence == nil {
                result.append((string, item.mark))
            } else {
                context.error("expected a string in \"\(key)\", found \(item.kindDescription)", at: item.mark)
            }
        }
        return result
    }

    /// A mapping or a list of mappings.
    public func mappings(_ key: String) -> [YAMLNode]? {
        guard let value = present(key, required: false, expected: "a mapping or a list") else { return nil }
        if value.mapping != nil { return [value] }
        if let items = value.sequence { return items }
        context.error("expected a mapping or a list of mappings for \"\(key)\", found \(value.kindDescription)", at: value.mark)
        return nil
    }

    /// A list (a single non-null value counts as a list of one).
    public func list(_ key: String, required: Bool = false) -> [YAMLNode]? {
        guard let value = present(key, required: required, expected: "a list") else { return nil }
        if let items = value.sequence { return items }
        context.error("expected a list for \"\(key)\", found \(value.kindDescription)", at: value.mark)
        return nil
    }

    private func present(_ key: String, required: Bool, expected: String) -> YAMLNode? {
        guard let value = node[key], !value.isNull else {
            if required {
                context.error("missing required key \"\(key)\" in \(what) (expected \(expected))", at: node.mark)
            }
            return nil
        }
        return value
    }
}
