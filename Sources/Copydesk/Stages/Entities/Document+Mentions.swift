extension Document {
    /// One entry per distinct entity (canonical name, or text as written, and label), most
    /// mentioned first, then the one mentioned earliest; `first` is a code-point offset.
    /// A one-word PERSON mention that is the last or first word of a person named earlier
    /// ("Negi" after "Parvati Negi") counts as a mention of that person.
    public var mentions: [Mention] {
        guard let entities, !entities.isEmpty else { return [] }
        var indexes: [String: CodePointIndex] = [:]
        var byKey: [String: Int] = [:]
        var mentions: [Mention] = []
        for entity in entities {
            guard let text = fields[entity.field] else { continue }
            let surface = String(decoding: text[entity.range.clamped(to: text.indices)], as: UTF8.self)
            let name = entity.canonical ?? surface
            let key = entity.label + "\u{0}" + name
            if let index = byKey[key] ?? earlierFullName(of: name, label: entity.label, in: mentions) {
                mentions[index].count += 1
                continue
            }
            let points = indexes[entity.field, default: CodePointIndex(text)]
            indexes[entity.field] = points
            byKey[key] = mentions.count
            mentions.append(Mention(
                canonical: name, label: entity.label, count: 1, first: points.codePoint(atByte: entity.range.lowerBound), field: entity.field))
        }
        return mentions.enumerated().sorted { a, b in
            (-a.element.count, a.offset) < (-b.element.count, b.offset)
        }.map(\.element)
    }

    /// The earlier PERSON mention whose full name ends or starts with the one-word `name`.
    private func earlierFullName(of name: String, label: String, in mentions: [Mention]) -> Int? {
        guard label == "PERSON", !name.contains(" ") else { return nil }
        let matches = mentions.indices.filter { index in
            let words = mentions[index].canonical.split(separator: " ")
            return mentions[index].label == "PERSON" && words.count > 1 && (words.last == Substring(name) || words.first == Substring(name))
        }
        // Ambiguous when two people share the word: count it for neither.
        return matches.count == 1 ? matches[0] : nil
    }
}
