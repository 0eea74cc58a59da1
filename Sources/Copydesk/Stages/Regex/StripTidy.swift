/// Turns the matches of a `strip` rule into edits that remove them and leave tidy text:
/// "Monday.ALSO READ: x The bridge" becomes "Monday. The bridge", "word  (junk) , next"
/// becomes "word, next", and a line emptied of junk is left empty for the whitespace stage.
enum StripTidy {
    static func edits(removing matches: [Range<Int>], from text: UnsafeBufferPointer<UInt8>) -> [TextEdit] {
        var edits: [TextEdit] = []
        for range in merged(matches, in: text) {
            edits.append(edit(removing: range, from: text))
        }
        return edits
    }

    /// Joins matches that touch or are separated only by spaces and tabs.
    private static func merged(_ matches: [Range<Int>], in text: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for match in matches where !match.isEmpty {
            if let last = result.last {
                var gap = last.upperBound
                while gap < match.lowerBound, isHorizontalSpace(text[gap]) { gap += 1 }
                if gap >= match.lowerBound {
                    result[result.count - 1] = last.lowerBound..<max(last.upperBound, match.upperBound)
                    continue
                }
            }
            result.append(match)
        }
        return result
    }

    private static func edit(removing range: Range<Int>, from text: UnsafeBufferPointer<UInt8>) -> TextEdit {
        var start = range.lowerBound
        var end = range.upperBound
        let left: UInt8? = start > 0 ? text[start - 1] : nil
        let right: UInt8? = end < text.count ? text[end] : nil

        func skipRightSpaces() {
            while end < text.count, isHorizontalSpace(text[end]) { end += 1 }
        }
        func skipLeftSpaces() {
            while start > 0, isHorizontalSpace(text[start - 1]) { start -= 1 }
        }

        guard let left, left != UInt8(ascii: "\n") else {
            skipRightSpaces()
            return TextEdit(range: start..<end)
        }
        guard let right, right != UInt8(ascii: "\n"), right != UInt8(ascii: "\r") else {
            skipLeftSpaces()
            return TextEdit(range: start..<end)
        }
        if isHorizontalSpace(left) {
            if isHorizontalSpace(right) {
                skipRightSpaces()
            } else if isClosing(right) {
                skipLeftSpaces()
            }
            return TextEdit(range: start..<end)
        }
        if isHorizontalSpace(right) || isClosing(right) || isOpening(left) {
            return TextEdit(range: start..<end)
        }
        return TextEdit(range: start..<end, replacement: [UInt8(ascii: " ")])
    }

    static func isHorizontalSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    private static func isClosing(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"),
             UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
            true
        default:
            false
        }
    }

    private static func isOpening(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{")
    }
}
