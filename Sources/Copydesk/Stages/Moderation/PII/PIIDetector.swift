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
    func confidence(_ base: Double, around range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Double? {
        let from = max(0, range.lowerBound - Self.windowBefore)
        let to = min(text.count, range.upperBound + Self.windowAfter)
        let before = UnsafeBufferPointer(rebasing: text[from..<range.lowerBound])
        let window = [UnsafeBufferPointer(rebasing: text[from..<range.lowerBound]), UnsafeBufferPointer(rebasing: text[range.upperBound..<to])]
        var confidence = base
        if !near.isEmpty {
            guard near.contains(where: { Self.contains(before, $0) }) || raise.contains(where: { Self.contains(before, $0) }) else { return nil }
            confidence = max(confidence, 0.7)
        }
        if raise.contains(where: { word in window.contains { Self.contains($0, word) } }) { confidence = min(0.99, confidence + 0.15) }
        if lower.contains(where: { word in window.contains { Self.contains($0, word) } }) { confidence -= 0.3 }
        return max(0, confidence)
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
