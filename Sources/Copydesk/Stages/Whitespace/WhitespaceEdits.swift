/// Computes the edits that bring a text to the whitespace stage's shape, line by line.
/// Only ASCII spaces, tabs, CR and LF are touched.
struct WhitespaceEdits {
    let options: WhitespaceStage.Options

    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    private struct Line {
        var content: Range<Int>
        var terminator: Range<Int>
        var isBlank: Bool
        var whole: Range<Int> { content.lowerBound..<terminator.upperBound }
    }

    func edits(for text: UnsafeBufferPointer<UInt8>) -> [TextEdit] {
        let lines = split(text)
        guard let first = lines.firstIndex(where: { !$0.isBlank }), let last = lines.lastIndex(where: { !$0.isBlank }) else {
            return options.trim && !text.isEmpty ? [TextEdit(range: 0..<text.count)] : []
        }
        var edits: [TextEdit] = []
        var blankRun = 0
        for (index, line) in lines.enumerated() {
            let isLast = index == last
            if line.isBlank {
                blankRun += 1
                let outside = index < first || index > last
                let overLimit = options.maxBlankLines.map { blankRun > $0 } ?? false
                if (options.trim && outside) || overLimit {
                    edits.append(TextEdit(range: line.whole))
                    continue
                }
                if !line.content.isEmpty && (options.trimLeadingSpaces || options.trimTrailingSpaces) {
                    edits.append(TextEdit(range: line.content))
                }
                fixTerminator(line, in: text, into: &edits)
                continue
            }
            blankRun = 0
            editContent(line.content, in: text, into: &edits)
            if isLast && options.trim {
                if !line.terminator.isEmpty { edits.append(TextEdit(range: line.terminator)) }
            } else {
                fixTerminator(line, in: text, into: &edits)
            }
        }
        return edits
    }

    private func split(_ text: UnsafeBufferPointer<UInt8>) -> [Line] {
        var lines: [Line] = []
        var start = 0
        let count = text.count
        while start < count {
            var end = start
            var blank = true
            while end < count {
                let byte = text[end]
                if byte == Self.newline || byte == Self.carriageReturn { break }
                if byte != Self.space && byte != Self.tab { blank = false }
                end += 1
            }
            var next = end
            if next < count {
                next += (text[next] == Self.carriageReturn && next + 1 < count && text[next + 1] == Self.newline) ? 2 : 1
            }
            lines.append(Line(content: start..<end, terminator: end..<next, isBlank: blank))
            start = next
        }
        return lines
    }

    private func editContent(_ content: Range<Int>, in text: UnsafeBufferPointer<UInt8>, into edits: inout [TextEdit]) {
        var start = content.lowerBound
        var end = content.upperBound
        if options.trimLeadingSpaces {
            while start < end && isSpace(text[start]) { start += 1 }
            if start > content.lowerBound { edits.append(TextEdit(range: content.lowerBound..<start)) }
        }
        if options.trimTrailingSpaces {
            while end > start && isSpace(text[end - 1]) { end -= 1 }
        }
        if options.collapseSpaces {
            var index = start
            while index < end {
                guard isSpace(text[index]) else {
                    index += 1
                    continue
                }
                var runEnd = index + 1
                while runEnd < end && isSpace(text[runEnd]) { runEnd += 1 }
                if runEnd - index > 1 || text[index] != Self.space {
                    edits.append(TextEdit(range: index..<runEnd, replacement: [Self.space]))
                }
                index = runEnd
            }
        }
        if end < content.upperBound { edits.append(TextEdit(range: end..<content.upperBound)) }
    }

    /// Rewrites a CRLF or lone CR terminator as LF.
    private func fixTerminator(_ line: Line, in text: UnsafeBufferPointer<UInt8>, into edits: inout [TextEdit]) {
        guard options.normalizeNewlines, !line.terminator.isEmpty, text[line.terminator.lowerBound] == Self.carriageReturn else { return }
        edits.append(TextEdit(range: line.terminator, replacement: [Self.newline]))
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == Self.space || byte == Self.tab
    }
}
