extension NERTagScheme {
    /// Writes one tag per token for `count` tokens carrying `spans` (token indices relative
    /// to the first token), replacing the contents of `tags`.
    func encode(_ spans: [TokenSpan], count: Int, into tags: inout [UInt8]) {
        tags.removeAll(keepingCapacity: true)
        tags.append(contentsOf: repeatElement(0, count: count))
        for span in spans where span.start >= 0 && span.end <= count && span.start < span.end {
            if self == .bilou && span.end - span.start == 1 {
                tags[span.start] = UInt8(tag(span.label, Self.unit))
                continue
            }
            tags[span.start] = UInt8(tag(span.label, Self.begin))
            for index in (span.start + 1)..<span.end { tags[index] = UInt8(tag(span.label, Self.inside)) }
            if self == .bilou { tags[span.end - 1] = UInt8(tag(span.label, Self.last)) }
        }
    }

    /// Reads spans back from tags, tolerating sequences the scheme forbids: an `I` or `L`
    /// that does not continue an open entity of its label starts a new one.
    /// Spans are appended with `offset` added to their token indices.
    func decode(_ tags: UnsafeBufferPointer<UInt8>, offset: Int, into spans: inout [TokenSpan]) {
        var openStart = -1
        var openLabel = EntityLabel.person
        func close(_ end: Int) {
            if openStart >= 0 { spans.append(TokenSpan(start: offset + openStart, end: offset + end, label: openLabel)) }
            openStart = -1
        }
        for (index, raw) in tags.enumerated() {
            let tag = Int(raw)
            guard let label = label(of: tag) else { close(index); continue }
            let position = position(of: tag)
            let continues = openStart >= 0 && openLabel == label && (position == Self.inside || position == Self.last)
            if !continues {
                close(index)
                openStart = index
                openLabel = label
            }
            if position == Self.last || position == Self.unit { close(index + 1) }
        }
        close(tags.count)
    }

    /// Array convenience for `decode(_:offset:into:)`.
    func decode(_ tags: [UInt8]) -> [TokenSpan] {
        var spans: [TokenSpan] = []
        tags.withUnsafeBufferPointer { decode($0, offset: 0, into: &spans) }
        return spans
    }
}
