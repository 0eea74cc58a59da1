/// Corrects kinds of statistical-model span that are wrong in news text whatever the context:
/// a span running across a possessive ("Stray Kids' Bang Chan" is two names), a lone
/// closed-class word ("Within", "The") taken for a name because it starts a sentence, and a
/// surname labelled as a place although the same document names the person in full.
enum ModelSpanFilter {
    /// The spans in `text`, split at possessives, without lone function words.
    static func correct(_ spans: [EntitySpan], in text: UnsafeBufferPointer<UInt8>) -> [EntitySpan] {
        spans.flatMap { splitAtPossessives($0, in: text) }.filter { !isLoneFunctionWord($0, in: text) }
    }

    /// Splits at `' `, `’ `, `'s ` and `’s ` inside the span, trimming the marker off the first part.
    static func splitAtPossessives(_ span: EntitySpan, in text: UnsafeBufferPointer<UInt8>) -> [EntitySpan] {
        var parts: [EntitySpan] = []
        var start = span.byteStart
        var index = span.byteStart
        while index < span.byteEnd {
            if let markerEnd = possessiveEnd(at: index, limit: span.byteEnd, in: text) {
                if index > start { parts.append(EntitySpan(byteStart: start, byteEnd: index, label: span.label)) }
                start = markerEnd
                index = markerEnd
            } else {
                index += 1
            }
        }
        if span.byteEnd > start { parts.append(EntitySpan(byteStart: start, byteEnd: span.byteEnd, label: span.label)) }
        return parts
    }

    /// If a possessive marker followed by a space starts at `index`, where the next part begins.
    private static func possessiveEnd(at index: Int, limit: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        var cursor = index
        if text[cursor] == UInt8(ascii: "'") {
            cursor += 1
        } else if cursor + 2 < limit, text[cursor] == 0xE2, text[cursor + 1] == 0x80, text[cursor + 2] == 0x99 {
            cursor += 3 // ’
        } else {
            return nil
        }
        if cursor < limit, text[cursor] == UInt8(ascii: "s") { cursor += 1 }
        guard cursor < limit, text[cursor] == UInt8(ascii: " ") else { return nil }
        return cursor + 1
    }

    private static func isLoneFunctionWord(_ span: EntitySpan, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let length = span.byteEnd - span.byteStart
        guard length > 0, length <= 12 else { return false }
        var word = ""
        for byte in text[span.byteStart..<span.byteEnd] {
            guard byte < 0x80, byte != UInt8(ascii: " ") else { return false }
            word.unicodeScalars.append(Unicode.Scalar(byte | (byte >= 0x41 && byte <= 0x5A ? 0x20 : 0)))
        }
        return functionWords.contains(word)
    }

    /// English closed-class words (determiners, pronouns, prepositions, conjunctions, auxiliaries)
    /// and sentence adverbs that are never a name on their own.
    static let functionWords: Set<String> = [
        "a", "about", "above", "across", "after", "afterwards", "again", "against", "all", "almost", "along",
        "already", "also", "although", "always", "am", "among", "amid", "an", "and", "another", "any",
        "anyone", "anything", "are", "around", "as", "at", "be", "because", "been", "before", "behind",
        "being", "below", "beside", "besides", "between", "beyond", "both", "but", "by", "can", "could",
        "despite", "did", "do", "does", "during", "each", "either", "even", "ever", "every", "everyone",
        "except", "few", "for", "from", "had", "has", "have", "he", "her", "here", "hers", "herself", "him",
        "himself", "his", "how", "however", "i", "if", "in", "inside", "into", "is", "it", "its", "itself",
        "just", "later", "least", "less", "like", "many", "may", "meanwhile", "might", "more", "moreover",
        "most", "much", "must", "my", "near", "neither", "never", "nevertheless", "no", "nobody", "none",
        "nor", "not", "nothing", "now", "of", "off", "often", "on", "once", "only", "onto", "or", "other",
        "others", "our", "ours", "out", "outside", "over", "per", "perhaps", "previously", "rather", "really",
        "recently", "shall", "she", "should", "since", "so", "some", "someone", "something", "sometimes",
        "still", "such", "than", "that", "the", "their", "theirs", "them", "then", "there", "therefore",
        "these", "they", "this", "those", "though", "through", "throughout", "thus", "to", "today",
        "together", "too", "toward", "towards", "under", "unless", "until", "up", "upon", "very",
        "via", "was", "we", "were", "what", "whatever", "when", "whenever", "where", "whereas", "whether",
        "which", "while", "whom", "whose", "why", "will", "with", "within", "without", "would", "yet",
        "you", "your", "yours", "yourself",
    ]

    /// A one-word model entity that is the first or last word of a multi-word PERSON in the same
    /// field ("Kumar" after "Nitish Kumar") becomes PERSON too.
    static func relabelNameParts(_ entities: [Entity], in bytes: [UInt8]) -> [Entity] {
        func text(_ entity: Entity) -> Substring {
            Substring(String(decoding: bytes[entity.range.clamped(to: bytes.indices)], as: UTF8.self))
        }
        var nameParts: Set<Substring> = []
        for entity in entities where entity.label == "PERSON" {
            let words = text(entity).split(separator: " ")
            if words.count > 1, let first = words.first, let last = words.last {
                nameParts.insert(first)
                nameParts.insert(last)
            }
        }
        guard !nameParts.isEmpty else { return entities }
        return entities.map { entity in
            guard entity.source == .model, entity.label != "PERSON" else { return entity }
            let word = text(entity)
            guard !word.contains(" "), nameParts.contains(word) else { return entity }
            var relabelled = entity
            relabelled.label = "PERSON"
            return relabelled
        }
    }
}
