/// The settings of one PII type: severity, context words and allow-list.
public struct PIIDetector: Sendable {
    public var type: PIIType
    public var severity: Severity
    /// Words near a candidate (before it, or just after) that raise its confidence.
    public var raise: [[UInt8]]
    /// Words near a candidate that lower it (order numbers, money, versions).
    public var lower: [[UInt8]]
    /// Words of which one must be near for the type to count at all (PIN codes need an address).
    public var near: [[UInt8]]
    /// Patterns (`*` for any run) of lowercased text that is public and not reported: `info@*`.
    public var allow: [[UInt8]]
    /// The detector's rule, shared by every finding.
    public var source: TraceSource

    /// How far before a candidate context words are looked for, and how far after.
    static let windowBefore = 48
    static let windowAfter = 24

    /// `base` adjusted by the words around `range`; nil when a required `near` word is missing.
    /// The window stops at a sentence end (". ", "! ", "? " or a line break), so a word of the next
    /// or previous sentence does not count.
    func confidence(_ base: Double, around range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Double? {
        var from = max(0, range.lowerBound - Self.windowBefore)
        for k in stride(from: range.lowerBound - 1, through: from, by: -1) where Self.endsSentence(text, at: k) {
            from = k + 1
            break
        }
        var to = min(text.count, range.upperBound + Self.windowAfter)
        for k in range.upperBound..<to where Self.endsSentence(text, at: k) {
            to = k
            break
        }
        let before = UnsafeBufferPointer(rebasing: text[from..<range.lowerBound])
        let window = [before, UnsafeBufferPointer(rebasing: text[range.upperBound..<to])]
        var confidence = base
        if !near.isEmpty {
            // The address words must belong to this number, not to an earlier one ("Pincode 165579 The ticket 213435").
            var nearFrom = from
            var digits = 0
            for k in stride(from: range.lowerBound - 1, through: from, by: -1) {
                digits = PIIScanner.isDigit(text[k]) ? digits + 1 : 0
                if digits >= 5 {
                    nearFrom = k + digits
                    break
                }
            }
            let before = UnsafeBufferPointer(rebasing: text[nearFrom..<range.lowerBound])
            guard near.contains(where: { Self.contains(before, $0) }) || raise.contains(where: { Self.contains(before, $0) })
                || Self.followsPlaceName(text, range.lowerBound) else { return nil }
            confidence = max(confidence, 0.7)
        }
        if raise.contains(where: { word in window.contains { Self.contains($0, word) } }) { confidence = min(0.99, confidence + 0.15) }
        if lower.contains(where: { word in window.contains { Self.contains($0, word) } }) { confidence -= 0.3 }
        return max(0, confidence)
    }

    /// A line break, or `.` `!` `?` then a space and a capital ("times. Invoice"), but not after a short
    /// abbreviation ("Tel. ", "No. ", "Rs. ").
    static func endsSentence(_ text: UnsafeBufferPointer<UInt8>, at k: Int) -> Bool {
        let byte = text[k]
        if byte == 0x0A { return true }
        guard byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?"),
              k + 2 < text.count, text[k + 1] == 0x20, PIIScanner.isUpper(text[k + 2]) else { return false }
        var letters = 0
        var j = k - 1
        while j >= 0, PIIScanner.isLetter(text[j]) {
            letters += 1
            j -= 1
        }
        return byte != UInt8(ascii: ".") || letters > 3 || letters == 0
    }

    /// ", Guwahati 781172" or ", Guwahati-781172": a capitalised word after a comma, then the number.
    static func followsPlaceName(_ text: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        var k = start - 1
        while k >= 0, text[k] == 0x20 || text[k] == UInt8(ascii: "-") { k -= 1 }
        guard k >= 0, PIIScanner.isLetter(text[k]) else { return false }
        var wordStart = k
        while wordStart > 0, PIIScanner.isLetter(text[wordStart - 1]) { wordStart -= 1 }
        guard PIIScanner.isUpper(text[wordStart]), k - wordStart >= 2 else { return false }
        var j = wordStart - 1
        while j >= 0, text[j] == 0x20 { j -= 1 }
        return j >= 0 && text[j] == UInt8(ascii: ",")
    }

    func isAllowed(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !allow.isEmpty else { return false }
        let lowered = text.map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }
        return allow.contains { Self.wildcardMatch($0[...], lowered[...]) }
    }

    /// Whether `word` (lowercase ASCII) occurs in `text`, case-insensitively, at the start of a word.
    static func contains(_ text: UnsafeBufferPointer<UInt8>, _ word: [UInt8]) -> Bool {
        let m = word.count
        guard m > 0, text.count >= m, let first = word.first else { return false }
        var i = 0
        while i + m <= text.count {
            let byte = text[i] >= 65 && text[i] <= 90 ? text[i] | 0x20 : text[i]
            if byte == first, i == 0 || !PIIScanner.isLetter(text[i - 1]) {
                var k = 1
                while k < m {
                    let b = text[i + k] >= 65 && text[i + k] <= 90 ? text[i + k] | 0x20 : text[i + k]
                    if b != word[k] { break }
                    k += 1
                }
                if k == m, i + m == text.count || !PIIScanner.isLetter(text[i + m]) || !PIIScanner.isLetter(word[m - 1]) { return true }
            }
            i += 1
        }
        return false
    }

    static func wildcardMatch(_ pattern: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
        guard let head = pattern.first else { return text.isEmpty }
        if head == UInt8(ascii: "*") {
            var rest = text
            while true {
                if wildcardMatch(pattern.dropFirst(), rest) { return true }
                if rest.isEmpty { return false }
                rest = rest.dropFirst()
            }
        }
        guard let first = text.first, first == head else { return false }
        return wildcardMatch(pattern.dropFirst(), text.dropFirst())
    }
}
