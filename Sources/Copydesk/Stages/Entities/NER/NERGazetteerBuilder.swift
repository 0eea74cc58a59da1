/// Collects entity names (as token hash sequences) into a `NERGazetteer`.
struct NERGazetteerBuilder {
    private var entries: [UInt64: UInt8] = [:]

    /// Adds one name given the lowercase hashes of its tokens.
    mutating func add(_ tokens: ArraySlice<UInt64>, label: EntityLabel) {
        guard !tokens.isEmpty, tokens.count <= NERGazetteer.maxEntryTokens else { return }
        var hash = NERGazetteer.seed
        for (offset, token) in tokens.enumerated() {
            hash = NERGazetteer.extend(hash, with: token)
            if offset < tokens.count - 1 { entries[hash, default: 0] |= NERGazetteer.prefixFlag }
        }
        entries[hash, default: 0] |= 1 << label.rawValue
    }

    /// The finished gazetteer; entries are sorted by key so the result is deterministic.
    func build() -> NERGazetteer {
        let keys = entries.keys.sorted()
        return NERGazetteer(sortedKeys: keys, flags: keys.map { entries[$0] ?? 0 })
    }
}
