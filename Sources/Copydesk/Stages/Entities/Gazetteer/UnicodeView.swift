/// Borrowed views of `UnicodeTables` plus the text normalisation shared by
/// the trie builder (for surface forms) and the scanner (for the text), so
/// both sides are normalised by the very same code.
struct UnicodeView {
    let foldLow: UnsafeBufferPointer<UInt64>
    let foldExt: UnsafeBufferPointer<UInt64>
    let alnum: UnsafeBufferPointer<UInt64>

    /// The unit every whitespace run becomes.
    static let spaceUnit: UInt64 = 0x20 | 1 << 56
    /// The unit an invalid byte becomes; 0xFF never occurs in valid UTF-8,
    /// so it never matches a surface form.
    static let invalidUnit: UInt64 = 0xFF | 1 << 56

    /// Whether `scalar` is alphabetic or numeric (`false` for invalid).
    @inline(__always)
    func isAlnum(_ scalar: UInt32) -> Bool {
        if scalar < 0x10000 {
            return alnum[Int(scalar >> 6)] & (1 << UInt64(scalar & 63)) != 0
        }
        guard let value = Unicode.Scalar(scalar) else { return false }
        return UnicodeTables.isAlnumSlow(value)
    }

    /// Whether the scalar starting at `i` is a letter or digit; `false` at
    /// the end of the text or on an invalid byte.
    @inline(__always)
    func isAlnum(at i: Int, in t: UnsafeBufferPointer<UInt8>) -> Bool {
        guard i < t.count else { return false }
        let byte = t[i]
        if byte < 0x80 { return isAlnum(UInt32(byte)) }
        return isAlnum(UTF8Decoder.decode(t, i).scalar)
    }

    @inline(__always)
    static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// Unicode `White_Space` scalars outside ASCII.
    @inline(__always)
    static func isWideWhitespace(_ s: UInt32) -> Bool {
        if s < 0x1680 { return s == 0xA0 || s == 0x85 }
        return s == 0x1680 || (s >= 0x2000 && s <= 0x200A) || s == 0x2028 || s == 0x2029
            || s == 0x202F || s == 0x205F || s == 0x3000
    }

    /// Index just past the run of whitespace starting at `i`.
    func skipWhitespace(_ t: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        var j = i
        while j < t.count {
            let byte = t[j]
            if byte < 0x80 {
                guard Self.isASCIIWhitespace(byte) else { break }
                j += 1
            } else {
                let (scalar, length) = UTF8Decoder.decode(t, j)
                guard Self.isWideWhitespace(scalar) else { break }
                j += length
            }
        }
        return j
    }

    /// Reads the normalisation unit at `i` (`i < t.count`): one scalar, or a
    /// whole whitespace run (→ one space). Returns the packed unit bytes, the
    /// index after the unit and its last scalar. With `fold`, letters are
    /// lowercased; `’`→`'` and `–`→`-` always.
    @inline(__always)
    func unit(_ t: UnsafeBufferPointer<UInt8>, _ i: Int, fold: Bool)
        -> (packed: UInt64, next: Int, scalar: UInt32)
    {
        let byte = t[i]
        if byte < 0x80 {
            if Self.isASCIIWhitespace(byte) {
                return (Self.spaceUnit, skipWhitespace(t, from: i + 1), 0x20)
            }
            return (fold ? foldLow[Int(byte)] : UInt64(byte) | 1 << 56, i + 1, UInt32(byte))
        }
        let (scalar, length) = UTF8Decoder.decode(t, i)
        if scalar == UTF8Decoder.invalid { return (Self.invalidUnit, i + 1, scalar) }
        if Self.isWideWhitespace(scalar) {
            return (Self.spaceUnit, skipWhitespace(t, from: i + length), 0x20)
        }
        if scalar == 0x2019 { return (0x27 | 1 << 56, i + length, scalar) }
        if scalar == 0x2013 { return (0x2D | 1 << 56, i + length, scalar) }
        if fold {
            if scalar < 0x800 { return (foldLow[Int(scalar)], i + length, scalar) }
            if scalar >= UnicodeTables.extBase, scalar < UnicodeTables.extEnd {
                return (foldExt[Int(scalar - UnicodeTables.extBase)], i + length, scalar)
            }
        }
        var packed = UInt64(length) << 56
        for k in 0..<length { packed |= UInt64(t[i + k]) << (8 * UInt64(k)) }
        return (packed, i + length, scalar)
    }

    /// Appends the normalised bytes of a surface form (trimmed) to `out` and
    /// returns how many were appended (0 for an empty/blank form).
    func normalize(_ form: String, fold: Bool, into out: inout [UInt8]) -> Int {
        var form = form
        let start = out.count
        form.withUTF8 { t in
            var i = skipWhitespace(t, from: 0)
            while i < t.count {
                let (packed, next, _) = unit(t, i, fold: fold)
                var bytes = packed
                for _ in 0..<Int(packed >> 56) {
                    out.append(UInt8(truncatingIfNeeded: bytes))
                    bytes >>= 8
                }
                i = next
            }
        }
        if out.count > start, out[out.count - 1] == 0x20 { out.removeLast() }
        return out.count - start
    }
}
