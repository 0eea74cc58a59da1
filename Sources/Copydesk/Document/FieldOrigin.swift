/// Byte-level provenance of an edited field: for each current byte, its offset in the input.
///
/// Inserted bytes point at the input offset where they were inserted. The extra last entry
/// maps the end of the text.
struct FieldOrigin: Sendable {
    let original: [UInt8]
    private var offsets: [Int32]

    init(original: [UInt8]) {
        self.original = original
        self.offsets = (0...original.count).map { Int32($0) }
    }

    func replacingAll(newLength: Int) -> FieldOrigin {
        var copy = self
        copy.offsets = Array(repeating: 0, count: newLength) + [Int32(original.count)]
        return copy
    }

    func applying(_ edits: [TextEdit], oldLength: Int) -> FieldOrigin {
        var next: [Int32] = []
        next.reserveCapacity(offsets.count)
        var cursor = 0
        for edit in edits {
            next.append(contentsOf: offsets[cursor..<edit.range.lowerBound])
            let anchor = offsets[edit.range.lowerBound]
            next.append(contentsOf: repeatElement(anchor, count: edit.replacement.count))
            cursor = edit.range.upperBound
        }
        next.append(contentsOf: offsets[cursor..<oldLength])
        next.append(offsets[oldLength])
        var copy = self
        copy.offsets = next
        return copy
    }

    func originalRange(of range: Range<Int>) -> Range<Int> {
        let start = Int(offsets[range.lowerBound])
        let end = range.isEmpty ? start : Int(offsets[range.upperBound - 1]) + 1
        return start..<max(start, end)
    }
}
