/// Computes the edits that bring a text to the whitespace stage's shape in one pass.
/// Only ASCII spaces, tabs, CR and LF are touched; bytes above 0x20 take a fast path.
struct WhitespaceEdits {
    let options: WhitespaceStage.Options

    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// A blank line seen since the last line with content.
    private struct BlankLine {
        var start: Int
        var contentEnd: Int
        var end: Int
    }

    func edits(for text: UnsafeBufferPointer<UInt8>) -> [TextEdit] {
        var edits: [TextEdit] = []
        let count = text.count
        var blanks: [BlankLine] = []
        var seenContent = false
        /// The terminator of the last content line; its edit waits until we know whether more content follows.
        var pendingTerminator: Range<Int>?
        var index = 0

        while index < count {
            let lineStart = index
            var cursor = index
            while cursor < count && isSpace(text[cursor]) { cursor += 1 }
            if cursor == count || isLineBreak(text[cursor]) {
                let end = terminatorEnd(at: cursor, in: text)
                blanks.append(BlankLine(start: lineStart, contentEnd: cursor, end: end))
                index = end
                continue
            }
            // A line with content: settle what came before it.
            if let terminator = pendingTerminator {
                fixTerminator(terminator, in: text, into: &edits)
                pendingTerminator = nil
            }
            settleBlankLines(blanks, leading: !seenContent, into: &edits, text: text)
            blanks.removeAll(keepingCapacity: true)
            seenContent = true
            if options.trimLeadingSpaces && cursor > lineStart {
                edits.append(TextEdit(range: lineStart..<cursor))
            }
            let contentEnd = scanContent(from: cursor, in: text, into: &edits)
            let end = terminatorEnd(at: contentEnd, in: text)
            pendingTerminator = contentEnd..<end
            index = end
        }

        guard seenContent else {
            return options.trim && count > 0 ? [TextEdit(range: 0..<count)] : []
        }
        if options.trim, let terminator = pendingTerminator {
            // Drop the last line's terminator and everything blank after it.
            if terminator.lowerBound < count { edits.append(TextEdit(range: terminator.lowerBound..<count)) }
        } else {
            if let terminator = pendingTerminator { fixTerminator(terminator, in: text, into: &edits) }
            settleBlankLines(blanks, leading: false, into: &edits, text: text)
        }
        return edits
    }

    /// Scans a content line from its first non-space byte; returns where its terminator starts.
    ///
    /// Most text needs no edit, so 8-byte words with no control byte and no two adjacent spaces
    /// are skipped whole; only the words around something to fix are walked byte by byte.
    private func scanContent(from start: Int, in text: UnsafeBufferPointer<UInt8>, into edits: inout [TextEdit]) -> Int {
        let count = text.count
        guard let base = text.baseAddress.map(UnsafeRawPointer.init) else { return start }
        var index = start
        while true {
            while index + 8 <= count {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let controls = Self.zeroBytes(word & 0xE0E0_E0E0_E0E0_E0E0)
                let spaces = Self.zeroBytes(word ^ 0x2020_2020_2020_2020)
                if controls != 0 || spaces & (spaces >> 8) != 0 { break }
                if spaces & 0x80 != 0 && index > start && text[index - 1] == Self.space { break }
                index += 8
            }
            let stop = min(index + 8, count)
            while index < stop {
                let byte = text[index]
                if byte > Self.space || !(isSpace(byte) || isLineBreak(byte)) {
                    index += 1
                    continue
                }
                // A run of spaces, possibly starting in a word the fast path skipped.
                var runStart = index
                while runStart > start && isSpace(text[runStart - 1]) { runStart -= 1 }
                while index < count && isSpace(text[index]) { index += 1 }
                if index == count || isLineBreak(text[index]) {
                    appendTrailing(runStart..<index, in: text, into: &edits)
                    return index
                }
                if options.collapseSpaces && needsCollapse(runStart..<index, in: text) {
                    edits.append(TextEdit(range: runStart..<index, replacement: [Self.space]))
                }
            }
            if index >= count {
                var runStart = count
                while runStart > start && isSpace(text[runStart - 1]) { runStart -= 1 }
                appendTrailing(runStart..<count, in: text, into: &edits)
                return count
            }
        }
    }

    private func appendTrailing(_ run: Range<Int>, in text: UnsafeBufferPointer<UInt8>, into edits: inout [TextEdit]) {
        guard !run.isEmpty else { return }
        if options.trimTrailingSpaces {
            edits.append(TextEdit(range: run))
        } else if options.collapseSpaces && needsCollapse(run, in: text) {
            edits.append(TextEdit(range: run, replacement: [Self.space]))
        }
    }

    /// The high bit of each byte of `word` that is zero, and no other bit.
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((word & low7) &+ low7) | word | low7)
    }

    /// Removes blank lines beyond the limit (or all of them at the start, with `trim`); the ones
    /// kept lose their spaces and get LF terminators.
    private func settleBlankLines(_ blanks: [BlankLine], leading: Bool, into edits: inout [TextEdit], text: UnsafeBufferPointer<UInt8>) {
        guard !blanks.isEmpty else { return }
        var keep = blanks.count
        if leading && options.trim {
            keep = 0
        } else if let maximum = options.maxBlankLines {
            keep = min(keep, maximum)
        }
        for line in blanks.prefix(keep) {
            if line.contentEnd > line.start && (options.trimLeadingSpaces || options.trimTrailingSpaces) {
                edits.append(TextEdit(range: line.start..<line.contentEnd))
            }
            fixTerminator(line.contentEnd..<line.end, in: text, into: &edits)
        }
        if keep < blanks.count {
            edits.append(TextEdit(range: blanks[keep].start..<blanks[blanks.count - 1].end))
        }
    }

    /// Rewrites a CRLF or lone CR terminator as LF.
    private func fixTerminator(_ terminator: Range<Int>, in text: UnsafeBufferPointer<UInt8>, into edits: inout [TextEdit]) {
        guard options.normalizeNewlines, !terminator.isEmpty, text[terminator.lowerBound] == Self.carriageReturn else { return }
        edits.append(TextEdit(range: terminator, replacement: [Self.newline]))
    }

    private func terminatorEnd(at index: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        guard index < text.count else { return index }
        if text[index] == Self.carriageReturn && index + 1 < text.count && text[index + 1] == Self.newline { return index + 2 }
        return index + 1
    }

    private func needsCollapse(_ run: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        run.count > 1 || text[run.lowerBound] != Self.space
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == Self.space || byte == Self.tab
    }

    private func isLineBreak(_ byte: UInt8) -> Bool {
        byte == Self.newline || byte == Self.carriageReturn
    }
}
