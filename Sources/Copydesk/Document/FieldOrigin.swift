/// Where each byte of an edited field came from, as a list of segments of the current text.
///
/// A segment either copies a run of the input (`fromInput`) or holds inserted bytes anchored at
/// the input offset where they were inserted. Applying edits costs O(segments + edits), not
/// O(text length), so tracking provenance for `--explain` stays cheap however long the text is.
struct FieldOrigin: Sendable {
    private struct Segment: Sendable {
        var length: Int
        /// Input offset of the first byte (or, for inserted bytes, of the insertion point).
        var origin: Int
        var fromInput: Bool
    }

    let original: [UInt8]
    private var segments: [Segment]
    /// Start of each segment in the current text, for binary search.
    private var starts: [Int]
    private var length: Int

    init(original: [UInt8]) {
        self.original = original
        self.segments = original.isEmpty ? [] : [Segment(length: original.count, origin: 0, fromInput: true)]
        self.starts = original.isEmpty ? [] : [0]
        self.length = original.count
    }

    func replacingAll(newLength: Int) -> FieldOrigin {
        var copy = self
        copy.segments = newLength == 0 ? [] : [Segment(length: newLength, origin: 0, fromInput: false)]
        copy.starts = newLength == 0 ? [] : [0]
        copy.length = newLength
        return copy
    }

    func applying(_ edits: [TextEdit], oldLength: Int) -> FieldOrigin {
        var builder = Builder()
        var cursor = 0
        var segmentIndex = 0
        for edit in edits {
            copy(cursor..<edit.range.lowerBound, from: &segmentIndex, into: &builder)
            if !edit.replacement.isEmpty {
                builder.append(Segment(length: edit.replacement.count, origin: inputOffset(at: edit.range.lowerBound), fromInput: false))
            }
            cursor = edit.range.upperBound
        }
        copy(cursor..<oldLength, from: &segmentIndex, into: &builder)
        var next = self
        next.segments = builder.segments
        next.starts = builder.starts
        next.length = builder.length
        return next
    }

    func originalRange(of range: Range<Int>) -> Range<Int> {
        let start = inputOffset(at: range.lowerBound)
        guard !range.isEmpty else { return start..<start }
        let last = range.upperBound - 1
        let index = segmentIndex(containing: last)
        let segment = segments[index]
        let end = segment.fromInput ? segment.origin + (last - starts[index]) + 1 : segment.origin
        return start..<max(start, end)
    }

    /// The input offset of current position `position` (the end of the text maps to the input's end).
    private func inputOffset(at position: Int) -> Int {
        guard position < length else { return original.count }
        let index = segmentIndex(containing: position)
        let segment = segments[index]
        return segment.fromInput ? segment.origin + (position - starts[index]) : segment.origin
    }

    private func segmentIndex(containing position: Int) -> Int {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= position { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// Appends the segments covering `range` of the current text, advancing `index` past them.
    private func copy(_ range: Range<Int>, from index: inout Int, into builder: inout Builder) {
        guard !range.isEmpty else { return }
        while index < segments.count && starts[index] + segments[index].length <= range.lowerBound { index += 1 }
        var probe = index
        while probe < segments.count && starts[probe] < range.upperBound {
            let segment = segments[probe]
            let from = max(range.lowerBound, starts[probe])
            let to = min(range.upperBound, starts[probe] + segment.length)
            let origin = segment.fromInput ? segment.origin + (from - starts[probe]) : segment.origin
            builder.append(Segment(length: to - from, origin: origin, fromInput: segment.fromInput))
            if to < starts[probe] + segment.length { break }
            probe += 1
        }
        index = probe
    }

    private struct Builder {
        var segments: [Segment] = []
        var starts: [Int] = []
        var length = 0

        mutating func append(_ segment: Segment) {
            guard segment.length > 0 else { return }
            if let last = segments.last, last.fromInput, segment.fromInput, last.origin + last.length == segment.origin {
                segments[segments.count - 1].length += segment.length
            } else {
                segments.append(segment)
                starts.append(length)
            }
            length += segment.length
        }
    }
}
