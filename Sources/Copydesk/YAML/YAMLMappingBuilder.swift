/// Collects a mapping's keys and values as they are composed: reports duplicate keys and applies merge keys.
///
/// A merge key is a plain `<<` (untagged or tagged `!!merge`) whose value is a mapping or a
/// list of mappings. Merged pairs take the place of the `<<` pair; keys written explicitly in
/// the mapping win over merged ones, and among merged mappings the earlier one wins.
struct YAMLMappingBuilder {
    private enum Entry {
        case pair(YAMLPair)
        case merged([YAMLPair])
    }

    private var entries: [Entry] = []
    private var pendingKey: YAMLNode?
    /// The mark of each scalar key's first occurrence, by the key's text.
    private var firstKeyMarks: [String: SourceMark] = [:]

    /// Adds the next node, alternately a key and its value; returns what is wrong with it, if anything.
    mutating func add(_ node: YAMLNode) -> Diagnostic? {
        guard let key = pendingKey else {
            pendingKey = node
            return checkUnique(key: node)
        }
        pendingKey = nil
        if Self.isMergeKey(key) {
            return merge(node)
        }
        entries.append(.pair(YAMLPair(key: key, value: node)))
        return nil
    }

    /// The mapping's pairs, with merged pairs in place of the merge keys.
    func build() -> [YAMLPair] {
        var explicitKeys = Set<String>()
        for case .pair(let pair) in entries {
            if let key = pair.key.scalar?.value { explicitKeys.insert(key) }
        }
        var mergedKeys = Set<String>()
        var pairs: [YAMLPair] = []
        for entry in entries {
            switch entry {
            case .pair(let pair):
                pairs.append(pair)
            case .merged(let merged):
                for pair in merged {
                    if let key = pair.key.scalar?.value {
                        if explicitKeys.contains(key) || !mergedKeys.insert(key).inserted { continue }
                    }
                    pairs.append(pair)
                }
            }
        }
        return pairs
    }

    private mutating func checkUnique(key: YAMLNode) -> Diagnostic? {
        guard let text = key.scalar?.value else { return nil }
        if let first = firstKeyMarks[text] {
            return Diagnostic(
                .error,
                "duplicate key \(YAMLNode.quoted(text)) (first defined at line \(first.line))",
                at: key.mark
            )
        }
        firstKeyMarks[text] = key.mark
        return nil
    }

    private mutating func merge(_ value: YAMLNode) -> Diagnostic? {
        switch value.content {
        case .mapping(let pairs):
            entries.append(.merged(pairs))
            return nil
        case .sequence(let items):
            for item in items {
                guard let pairs = item.mapping else { return Self.badMergeValue(item) }
                entries.append(.merged(pairs))
            }
            return nil
        case .scalar:
            return Self.badMergeValue(value)
        }
    }

    private static func badMergeValue(_ node: YAMLNode) -> Diagnostic {
        Diagnostic(
            .error,
            "the merge key \"<<\" needs a mapping or a list of mappings, found \(node.kindDescription)",
            at: node.mark
        )
    }

    private static func isMergeKey(_ key: YAMLNode) -> Bool {
        guard let scalar = key.scalar, scalar.style == .plain, scalar.value == "<<" else { return false }
        return key.tag == nil || key.tag == "!!merge"
    }
}
