extension JSONString {
    /// Appends `bytes` (valid UTF-8) as a JSON string literal with quotes. Escapes " \ and control chars (\b \f \n \r \t, others \u00XX); everything else, including non-ASCII, is copied raw.
    public static func encode(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        output.reserveAmortized(bytes.count &+ 2)
        output.append(UInt8(ascii: "\""))
        forEachRun(in: bytes) { run in
            output.append(contentsOf: run)
        } escape: { byte in
            let (sequence, length) = escapeSequence(for: byte)
            for lane in 0..<length { output.append(UInt8(truncatingIfNeeded: sequence &>> (lane &* 8))) }
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

    /// Splits `bytes` into stretches that are copied as they are (`run`, never empty) and bytes
    /// that need an escape (`escape`), in order. Scans eight bytes at a time.
    @inline(__always)
    static func forEachRun(
        in bytes: UnsafeBufferPointer<UInt8>, run: (UnsafeBufferPointer<UInt8>) -> Void, escape: (UInt8) -> Void
    ) {
        guard let base = bytes.baseAddress else { return }
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
            while i < count && !needsEscape(base[i]) { i &+= 1 }
            if i > runStart { run(UnsafeBufferPointer(start: base + runStart, count: i &- runStart)) }
            guard i < count else { return }
            escape(base[i])
            i &+= 1
            runStart = i
        }
    }

    @inline(__always)
    static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// The escape for a byte that needs one, as up to six bytes packed little-endian, and their number.
    static func escapeSequence(for byte: UInt8) -> (bytes: UInt64, count: Int) {
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
            let high = UInt64(hexDigits.utf8Start[Int(byte &>> 4)])
            let low = UInt64(hexDigits.utf8Start[Int(byte & 0x0F)])
            // \ u 0 0 h l
            let packed = UInt64(UInt8(ascii: "\\")) | UInt64(UInt8(ascii: "u")) << 8 | UInt64(UInt8(ascii: "0")) << 16
                | UInt64(UInt8(ascii: "0")) << 24 | high << 32 | low << 40
            return (packed, 6)
        }
        return (UInt64(UInt8(ascii: "\\")) | UInt64(letter) << 8, 2)
    }
}
