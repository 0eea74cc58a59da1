/// Something that looks like personal data, before context, allow-list and overlap are applied.
struct PIICandidate: Equatable {
    var type: PIIType
    /// Bytes of the text.
    var range: Range<Int>
    var confidence: Double
    /// Passed a check digit or a strict structural test (Luhn, Verhoeff, address syntax).
    var validated: Bool
}
