extension JSONString {
    /// Appends `bytes` (valid UTF-8) as a JSON string literal with quotes. Escapes " \ and control chars (\b \f \n \r \t, others \u00XX); everything else, including non-ASCII, is copied raw.
    public static func encode(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        output.reserveCapacity(output.count &+ bytes.count &+ 2)
        output.append(UInt8(ascii: "\""))
        if let base = bytes.baseAddress {
            let count = bytes.count
            var i = 0
            var runStart = 0
            while true {
                while i &+ 8 <= count {
                    let word = ByteWord.load(base, at: i)
                    let special =
                        ByteWord.equal(word, UInt8(ascii: "\"")) | ByteWord.equal(word, UInt8(ascii: "\\"))
                        | ByteWord.control(word)
                    if special != 0 {
                        i &+= ByteWord.firstLane(special)
                        break
                    }
                    i &+= 8
                }
                while i < count && !needsEscape(bytes[i]) { i &+= 1 }
                if i > runStart {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                }
                guard i < count else { break }
                appendEscape(for: bytes[i], to: &output)
                i &+= 1
                runStart = i
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// Appends `string` as a JSON string literal with quotes; see `encode(_:into:)`.
    public static func encode(_ string: String, into output: inout [UInt8]) {
        var string = string
        string.withUTF8 { encode($0, into: &output) }
    }

    /// `string` as a JSON string literal with quotes.
    public static func encoded(_ string: String) -> [UInt8] {
        var output: [UInt8] = []
        encode(string, into: &output)
        return output
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    private static func appendEscape(for byte: UInt8, to output: inout [UInt8]) {
        let letter: UInt8
        switch byte {
        case UInt8(ascii: "\""): letter = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): letter = UInt8(ascii: "\\")
        case 0x08: letter = UInt8(ascii: "b")
        case 0x0C: letter = UInt8(ascii: "f")
        case 0x0A: letter = UInt8(ascii: "n")
        case 0x0D: letter = UInt8(ascii: "r")
        case 0x09: letter = UInt8(ascii: "t")
        default:
            let hexDigits: StaticString = "0123456789abcdef"
            output.append(contentsOf: [
                UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                hexDigits.utf8Start[Int(byte &>> 4)], hexDigits.utf8Start[Int(byte & 0x0F)],
            ])
            return
        }
        output.append(UInt8(ascii: "\\"))
        output.append(letter)
    }
}
