/// Maps byte offsets of a text to offsets after sorted, non-overlapping edits were applied.
struct OffsetShift {
    private let edits: [TextEdit]
    /// Where each edit's replacement sits in the new text.
    let editRanges: [Range<Int>]

    init(_ edits: [TextEdit]) {
        self.edits = edits
        var delta = 0
        var ranges: [Range<Int>] = []
        for edit in edits {
            let start = edit.range.lowerBound + delta
            ranges.append(start..<start + edit.replacement.count)
            delta += edit.replacement.count - edit.range.count
        }
        editRanges = ranges
    }

    /// An offset inside an edited range moves to that edit's new start (`lower`) or end.
    func map(_ offset: Int, lower: Bool) -> Int {
        var delta = 0
        for (index, edit) in edits.enumerated() {
            if offset <= edit.range.lowerBound { break }
            if offset < edit.range.upperBound {
                return lower ? editRanges[index].lowerBound : editRanges[index].upperBound
            }
            delta += edit.replacement.count - edit.range.count
        }
        return offset + delta
    }

    func map(_ range: Range<Int>) -> Range<Int> {
        let start = map(range.lowerBound, lower: true)
        return start..<max(start, map(range.upperBound, lower: false))
    }
}
