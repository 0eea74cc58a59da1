extension Document {
    /// One entry per distinct entity (canonical name, or text as written, and label), most
    /// mentioned first, then the one mentioned earliest; `first` is a code-point offset.
    public var mentions: [Mention] {
        guard let entities, !entities.isEmpty else { return [] }
        var indexes: [String: CodePointIndex] = [:]
        var byKey: [String: Int] = [:]
        var mentions: [Mention] = []
        var order: [Int] = []
        for entity in entities {
            guard let text = fields[entity.field] else { continue }
            let surface = String(decoding: text[entity.range.clamped(to: text.indices)], as: UTF8.self)
            let name = entity.canonical ?? surface
            let key = entity.label + "\u{0}" + name
            if let index = byKey[key] {
                mentions[index].count += 1
                continue
            }
            let points = indexes[entity.field, default: CodePointIndex(text)]
            indexes[entity.field] = points
            byKey[key] = mentions.count
            order.append(fields.keys.contains(entity.field) ? 0 : 1)
            mentions.append(Mention(
                canonical: name, label: entity.label, count: 1, first: points.codePoint(atByte: entity.range.lowerBound), field: entity.field))
        }
        return mentions.enumerated().sorted { a, b in
            (-a.element.count, a.offset) < (-b.element.count, b.offset)
        }.map(\.element)
    }
}
