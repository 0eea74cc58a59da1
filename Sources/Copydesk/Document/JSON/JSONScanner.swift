/// A cursor over one line that checks RFC 8259 JSON and throws at the first problem.
///
/// The scanner validates but never builds values: callers record byte ranges as it goes.
/// Bytes are read with `bytes[i]` (checked in debug builds) after explicit bounds tests;
/// only the word-at-a-time loops use the raw `base` pointer.
struct JSONScanner {
    static let maximumDepth = 512

    let bytes: UnsafeBufferPointer<UInt8>
    let base: UnsafePointer<UInt8>
    let count: Int
    var position: Int

    /// nil for an empty line, which has no byte to point at.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return nil }
        self.bytes = bytes
        self.base = base
        self.count = bytes.count
        self.position = 0
    }

    var isAtEnd: Bool { position >= count }

    /// The byte at `position`, or nil at the end of the line.
    var current: UInt8? { position < count ? bytes[position] : nil }

    /// Skips JSON whitespace: space, tab, line feed and carriage return.
    @inline(__always)
    mutating func skipWhitespace() {
        while position < count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                position &+= 1
            default:
                return
            }
        }
    }

    // MARK: Errors

    func error(_ message: String, at offset: Int) -> JSONSyntaxError {
        JSONSyntaxError(byteOffset: offset, message: message)
    }

    /// "expected X, found Y" at `offset`; ill-formed UTF-8 there is reported as such instead.
    func unexpected(_ expectation: String, at offset: Int) -> JSONSyntaxError {
        if offset < count, bytes[offset] >= 0x80,
            UTF8Text.validSequenceLength(base, at: offset, count: count) == 0
        {
            return error(UTF8Text.describeInvalidSequence(bytes, at: offset), at: offset)
        }
        return error("expected \(expectation), found \(describe(at: offset))", at: offset)
    }

    /// The character at `offset` as a message shows it: `'x'`, `U+000A`, `'é' (U+00E9)`, `end of line`.
    func describe(at offset: Int) -> String {
        guard offset < count else { return "end of line" }
        let byte = bytes[offset]
        if byte < 0x20 || byte == 0x7F { return "control character \(Self.codePointName(UInt32(byte)))" }
        if byte == UInt8(ascii: "'") { return "\"'\"" }
        if byte < 0x80 { return "'\(Character(Unicode.Scalar(byte)))'" }
        let length = UTF8Text.validSequenceLength(base, at: offset, count: count)
        guard length > 0 else { return UTF8Text.describeInvalidSequence(bytes, at: offset) }
        let scalarText = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<offset + length]), as: UTF8.self)
        let scalar = scalarText.unicodeScalars.first?.value ?? 0xFFFD
        return "'\(scalarText)' (\(Self.codePointName(scalar)))"
    }

    /// "U+000A".
    static func codePointName(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
