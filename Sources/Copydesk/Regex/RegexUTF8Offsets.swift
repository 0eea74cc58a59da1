/// UTF-8 offset arithmetic shared by the regex wrapper.
enum RegexUTF8Offsets {
    /// Number of Unicode scalars that start before byte offset `byteOffset` of valid UTF-8 `bytes`.
    static func codePointOffset(ofByte byteOffset: Int, in bytes: [UInt8]) -> Int {
        let end = min(max(byteOffset, 0), bytes.count)
        var count = 0
        for byte in bytes[..<end] where !isContinuation(byte) { count += 1 }
        return count
    }

    /// Offset of the character after the one that starts at `offset` (one past `offset`, plus continuation bytes).
    static func nextCharacter(after offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var next = offset + 1
        while next < bytes.count, isContinuation(bytes[next]) { next += 1 }
        return next
    }

    @inline(__always)
    static func isContinuation(_ byte: UInt8) -> Bool {
        byte & 0xC0 == 0x80
    }
}
