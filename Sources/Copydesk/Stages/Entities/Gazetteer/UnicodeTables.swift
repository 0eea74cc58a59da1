/// Lookup tables derived once (lazily, thread-safely) from the standard
/// library's Unicode properties, so that scanning never queries properties.
///
/// A *unit* is packed in a `UInt64`: its bytes in bits 0–55 (first byte
/// lowest) and the byte count in bits 56–63.
enum UnicodeTables {
    /// First scalar of the second folding range (Latin Extended Additional,
    /// Greek Extended).
    static let extBase: UInt32 = 0x1E00
    /// End (exclusive) of the second folding range.
    static let extEnd: UInt32 = 0x2000

    /// Folded unit for every scalar `U+0000..<U+0800` (ASCII, Latin-1,
    /// Latin Extended-A/B, IPA, Greek, Cyrillic, Armenian, …).
    static let foldLow: [UInt64] = makeFoldTable(0..<0x800)
    /// Folded unit for every scalar in `extBase..<extEnd`.
    static let foldExt: [UInt64] = makeFoldTable(extBase..<extEnd)
    /// One bit per BMP scalar: alphabetic or numeric.
    static let alnumBMP: [UInt64] = makeAlnumTable()

    /// Gives unsafe views of the tables for the duration of `body`.
    static func withView<R>(_ body: (UnicodeView) -> R) -> R {
        foldLow.withUnsafeBufferPointer { low in
            foldExt.withUnsafeBufferPointer { ext in
                alnumBMP.withUnsafeBufferPointer { alnum in
                    body(UnicodeView(foldLow: low, foldExt: ext, alnum: alnum))
                }
            }
        }
    }

    /// Letter-or-digit test straight from the properties (slow path).
    static func isAlnumSlow(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil
    }

    /// Packs up to 7 bytes as a unit; `nil` if there are more.
    static func pack(_ bytes: some Sequence<UInt8>) -> UInt64? {
        var value: UInt64 = 0
        var count: UInt64 = 0
        for byte in bytes {
            if count == 7 { return nil }
            value |= UInt64(byte) << (8 * count)
            count += 1
        }
        return value | count << 56
    }

    private static func makeFoldTable(_ range: Range<UInt32>) -> [UInt64] {
        range.map { value in
            guard let scalar = Unicode.Scalar(value) else { return 0xFF | 1 << 56 }
            let identity = pack(String(scalar).utf8) ?? (0xFF | 1 << 56)
            return pack(scalar.properties.lowercaseMapping.utf8) ?? identity
        }
    }

    private static func makeAlnumTable() -> [UInt64] {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for value in UInt32(0)..<0x10000 {
            guard let scalar = Unicode.Scalar(value), isAlnumSlow(scalar) else { continue }
            bits[Int(value >> 6)] |= 1 << UInt64(value & 63)
        }
        return bits
    }
}
