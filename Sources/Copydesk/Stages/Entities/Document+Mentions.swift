extension Document {
    /// One entry per distinct entity (canonical name, or text as written, and label), most
    /// mentioned first, then the one mentioned earliest; `first` is a code-point offset.
    /// A one-word PERSON mention that is the last or first word of a person named earlier
    /// ("Negi" after "Parvati Negi") counts as a mention of that person.
    public var mentions: [Mention] {
        var codePoints = FieldCodePoints(.current)
        return mentions(codePoints: &codePoints)
    }

    /// `mentions`, sharing code-point conversions with the rest of the document's output.
    func mentions(codePoints: inout FieldCodePoints) -> [Mention] {
        guard let entities, !entities.isEmpty else { return [] }
        var byKey: [String: Int] = [:]
        var mentions: [Mention] = []
        for entity in entities where fields[entity.field] != nil {
            let name = self.name(of: entity)
            let key = entity.label + "\u{0}" + name
            if let index = byKey[key] ?? earlierFullName(of: name, label: entity.label, in: mentions) {
                mentions[index].count += 1
                continue
            }
            byKey[key] = mentions.count
            let first = codePoints.codePoint(atByte: entity.range.lowerBound, in: entity.field, of: self)
            mentions.append(Mention(canonical: name, label: entity.label, count: 1, first: first, field: entity.field))
        }
        return mentions.enumerated().sorted { a, b in
            (-a.element.count, a.offset) < (-b.element.count, b.offset)
        }.map(\.element)
    }

    /// The entity's text as it stands in its field (empty when the field is gone).
    public func text(of entity: Entity) -> String {
        guard let text = fields[entity.field] else { return "" }
        return String(decoding: text[entity.range.clamped(to: text.indices)], as: UTF8.self)
    }

    /// The entity's canonical name, or its text as written.
    public func name(of entity: Entity) -> String {
        entity.canonical ?? text(of: entity)
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
