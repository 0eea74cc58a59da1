/// Where each byte of an edited field came from, as a list of segments of the current text.
///
/// A segment either copies a run of the input (`fromInput`) or holds inserted bytes anchored at
/// the input offset where they were inserted. Applying edits costs O(segments + edits), not
/// O(text length), so tracking provenance for `--explain` stays cheap however long the text is.
struct FieldOrigin: Sendable {
    private struct Segment: Sendable {
        /// Offset of the first byte in the current text.
        var start: Int
        var length: Int
        /// Input offset of the first byte (or, for inserted bytes, of the insertion point).
        var origin: Int
        var fromInput: Bool
    }

    let original: [UInt8]
    private var segments: [Segment]
    private var length: Int

    init(original: [UInt8]) {
        self.original = original
        self.segments = original.isEmpty ? [] : [Segment(start: 0, length: original.count, origin: 0, fromInput: true)]
        self.length = original.count
    }

    mutating func replaceAll(newLength: Int) {
        segments = newLength == 0 ? [] : [Segment(start: 0, length: newLength, origin: 0, fromInput: false)]
        length = newLength
    }

    /// Applies sorted, non-overlapping edits of a text `oldLength` bytes long.
    mutating func apply(_ edits: [TextEdit], oldLength: Int) {
        var builder = Builder(capacity: segments.count &+ 2 &* edits.count &+ 1)
        var cursor = 0
        var segmentIndex = 0
        for edit in edits {
            copy(cursor..<edit.range.lowerBound, from: &segmentIndex, into: &builder)
            if !edit.replacement.isEmpty {
                builder.append(length: edit.replacement.count, origin: inputOffset(at: edit.range.lowerBound), fromInput: false)
            }
            cursor = edit.range.upperBound
        }
        copy(cursor..<oldLength, from: &segmentIndex, into: &builder)
        segments = builder.segments
        length = builder.length
    }

    func originalRange(of range: Range<Int>) -> Range<Int> {
        let start = inputOffset(at: range.lowerBound)
        guard !range.isEmpty else { return start..<start }
        let last = range.upperBound - 1
        let segment = segments[segmentIndex(containing: last)]
        let end = segment.fromInput ? segment.origin + (last - segment.start) + 1 : segment.origin
        return start..<max(start, end)
    }

    /// The input offset of current position `position` (the end of the text maps to the input's end).
    private func inputOffset(at position: Int) -> Int {
        guard position < length else { return original.count }
        let segment = segments[segmentIndex(containing: position)]
        return segment.fromInput ? segment.origin + (position - segment.start) : segment.origin
    }

    private func segmentIndex(containing position: Int) -> Int {
        var low = 0
        var high = segments.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if segments[middle].start <= position { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// Appends the segments covering `range` of the current text, advancing `index` past them.
    private func copy(_ range: Range<Int>, from index: inout Int, into builder: inout Builder) {
        guard !range.isEmpty else { return }
        while index < segments.count && segments[index].start + segments[index].length <= range.lowerBound { index += 1 }
        var probe = index
        while probe < segments.count && segments[probe].start < range.upperBound {
            let segment = segments[probe]
            let from = max(range.lowerBound, segment.start)
            let to = min(range.upperBound, segment.start + segment.length)
            let origin = segment.fromInput ? segment.origin + (from - segment.start) : segment.origin
            builder.append(length: to - from, origin: origin, fromInput: segment.fromInput)
            if to < segment.start + segment.length { break }
            probe += 1
        }
        index = probe
    }

    private struct Builder {
        var segments: [Segment] = []
        var length = 0

        init(capacity: Int) {
            segments.reserveCapacity(capacity)
        }

        mutating func append(length count: Int, origin: Int, fromInput: Bool) {
            guard count > 0 else { return }
            if let last = segments.last, last.fromInput, fromInput, last.origin + last.length == origin {
                segments[segments.count - 1].length += count
            } else {
                segments.append(Segment(start: length, length: count, origin: origin, fromInput: fromInput))
            }
            length += count
        }
    }
}

