/// A line C4 keeps: its stripped byte range in the text and the citations taken out of it.
public struct C4KeptLine: Sendable, Equatable {
    public var range: Range<Int>
    public var citations: [Range<Int>]

    public init(range: Range<Int>, citations: [Range<Int>] = []) {
        self.range = range
        self.citations = citations
    }
}

/// datatrove's C4 line filter (`"\n".join(kept_lines).strip()`) as edits of the text, so that the
/// text changes through `Document.apply` and entities and moderation detections can follow it.
struct C4LineFilter {
    /// Sorted, non-overlapping edits that turn the text into its kept lines.
    let edits: [TextEdit]
    /// The size change of the edits before each edit.
    private let deltas: [Int]

    init(keeping lines: [C4KeptLine], of text: [UInt8]) {
        // The new text as pieces of the old one and inserted newlines, in order.
        var pieces: [Range<Int>?] = []
        for (index, line) in lines.enumerated() {
            if index > 0 { pieces.append(nil) }
            var cursor = line.range.lowerBound
            for citation in line.citations {
                if citation.lowerBound > cursor { pieces.append(cursor..<citation.lowerBound) }
                cursor = citation.upperBound
            }
            if cursor < line.range.upperBound { pieces.append(cursor..<line.range.upperBound) }
        }
        // strip() of the joined text, mapped back onto the pieces.
        var joined: [UInt8] = []
        for piece in pieces {
            if let piece { joined += text[piece] } else { joined.append(0x0A) }
        }
        let kept = joined.withUnsafeBufferPointer { PythonText.strip($0, 0..<$0.count) }
        var edits: [TextEdit] = []
        var cursor = 0
        var inserted: [UInt8] = []
        var position = 0
        for piece in pieces {
            let length = piece?.count ?? 1
            defer { position += length }
            let from = max(position, kept.lowerBound), to = min(position + length, kept.upperBound)
            guard from < to else { continue }
            guard let piece else {
                inserted.append(0x0A)
                continue
            }
            let range = (piece.lowerBound + from - position)..<(piece.lowerBound + to - position)
            Self.replace(cursor..<range.lowerBound, with: inserted, in: text, into: &edits)
            cursor = range.upperBound
            inserted = []
        }
        Self.replace(cursor..<text.count, with: inserted, in: text, into: &edits)
        self.edits = edits
        var deltas: [Int] = []
        var delta = 0
        for edit in edits {
            deltas.append(delta)
            delta += edit.replacement.count - edit.range.count
        }
        deltas.append(delta)
        self.deltas = deltas
    }

    /// A gap between kept text becomes `inserted`; a lone newline reuses a newline of the gap, so
    /// the common case (a kept line right after another) needs no edit at all.
    private static func replace(_ gap: Range<Int>, with inserted: [UInt8], in text: [UInt8], into edits: inout [TextEdit]) {
        if inserted == [0x0A], let newline = text[gap].firstIndex(of: 0x0A) {
            if gap.lowerBound < newline { edits.append(TextEdit(range: gap.lowerBound..<newline)) }
            if newline + 1 < gap.upperBound { edits.append(TextEdit(range: (newline + 1)..<gap.upperBound)) }
        } else if !gap.isEmpty || !inserted.isEmpty {
            edits.append(TextEdit(range: gap, replacement: inserted))
        }
    }

    /// Where `range` of the old text is in the new one; nil when some of it was removed or replaced.
    func map(_ range: Range<Int>) -> Range<Int>? {
        // The first edit that ends after the range starts (an insertion there counts as after).
        var low = 0, high = edits.count
        while low < high {
            let middle = (low + high) / 2
            if edits[middle].range.upperBound <= range.lowerBound { low = middle + 1 } else { high = middle }
        }
        if low < edits.count, edits[low].range.lowerBound < range.upperBound { return nil }
        return (range.lowerBound + deltas[low])..<(range.upperBound + deltas[low])
    }
}
