/// One character of a word as the lexicon sees it: the letters it may stand for.
///
/// A plain letter stands for itself. Leetspeak (`1` → i or l, `@` → a, `$` → s), `v` (also u),
/// look-alike Cyrillic letters and masks (`*`, any letter) stand for several and count as
/// obfuscation. A letter of another script stands for none, so the word cannot match.
struct LexiconSymbol: Equatable {
    /// Bit `k` set: may stand for letter `a + k`.
    var letters: UInt32
    /// The letter written, 0…25, or `none` for digits, symbols, masks and other scripts.
    var plain: UInt8

    static let none: UInt8 = 0xFF
    static let anyLetter: UInt32 = (1 << 26) - 1

    static func letter(_ index: UInt8) -> LexiconSymbol {
        LexiconSymbol(letters: 1 << UInt32(index), plain: index)
    }

    static let mask = LexiconSymbol(letters: anyLetter, plain: none)
    static let foreign = LexiconSymbol(letters: 0, plain: none)

    var isMask: Bool { letters == Self.anyLetter }

    /// Whether it may stand for `letter` (0…25).
    @inline(__always)
    func allows(_ letter: Int) -> Bool {
        letters & (1 << UInt32(letter)) != 0
    }
}

/// How each ASCII byte enters a word.
enum LexiconByteClass {
    /// 0: boundary, 1: lowercase letter, 2: uppercase letter, 3: leet digit or symbol, 4: mask `*` or `#`.
    static let table: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for byte in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(byte)] = 1 }
        for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(byte)] = 2 }
        for byte in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(byte)] = 3 }
        for byte in "@$!|+".utf8 { table[Int(byte)] = 3 }
        table[Int(UInt8(ascii: "*"))] = 4
        table[Int(UInt8(ascii: "#"))] = 4
        for byte in 0x80...0xFF { table[byte] = 5 }
        return table
    }()

    /// What a digit or leet symbol may stand for.
    static func leet(_ byte: UInt8) -> LexiconSymbol {
        func letters(_ s: String) -> LexiconSymbol {
            LexiconSymbol(letters: s.utf8.reduce(0) { $0 | 1 << UInt32($1 - UInt8(ascii: "a")) }, plain: LexiconSymbol.none)
        }
        switch byte {
        case UInt8(ascii: "0"): return letters("o")
        case UInt8(ascii: "1"), UInt8(ascii: "|"): return letters("il")
        case UInt8(ascii: "3"): return letters("e")
        case UInt8(ascii: "4"), UInt8(ascii: "@"): return letters("a")
        case UInt8(ascii: "5"), UInt8(ascii: "$"): return letters("s")
        case UInt8(ascii: "7"), UInt8(ascii: "+"): return letters("t")
        case UInt8(ascii: "8"): return letters("b")
        case UInt8(ascii: "9"): return letters("g")
        case UInt8(ascii: "!"): return letters("i")
        default: return .foreign
        }
    }

    /// A non-ASCII scalar: a folded Latin letter (plain), a Cyrillic or Greek look-alike
    /// (obfuscation), a letter of another script (foreign), or nil for a boundary.
    /// `ignorable` scalars (zero-width characters, soft hyphen) are dropped inside words.
    static func symbol(for scalar: UInt32) -> (symbol: LexiconSymbol, upper: Bool)? {
        if let folded = NERLatinFolding.fold(scalar) {
            let upper = (0xC0...0xDE).contains(scalar) || (0x100...0x17F).contains(scalar) && scalar & 1 == 0
            return (.letter(UInt8(folded) - UInt8(ascii: "a")), upper)
        }
        if let lookalike = lookalikes[scalar] {
            return (LexiconSymbol(letters: 1 << UInt32(lookalike - UInt8(ascii: "a")), plain: LexiconSymbol.none), false)
        }
        guard let unicode = Unicode.Scalar(scalar), unicode.properties.isAlphabetic || unicode.properties.numericType != nil else {
            return nil
        }
        return (.foreign, false)
    }

    /// Zero-width space, non-joiner, joiner, word joiner, soft hyphen, BOM: skipped inside a word.
    static func isIgnorable(_ scalar: UInt32) -> Bool {
        scalar == 0x200B || scalar == 0x200C || scalar == 0x200D || scalar == 0x2060 || scalar == 0xAD || scalar == 0xFEFF
    }

    /// Combining diacritical marks (U+0300–036F and the extended, supplement, symbol and half-mark
    /// blocks): in decomposed (NFD) text they follow the letter they accent and are skipped.
    static func isCombiningMark(_ scalar: UInt32) -> Bool {
        (0x300...0x36F).contains(scalar) || (0x1AB0...0x1AFF).contains(scalar) || (0x1DC0...0x1DFF).contains(scalar)
            || (0x20D0...0x20FF).contains(scalar) || (0xFE20...0xFE2F).contains(scalar)
    }

    /// The ASCII letter or digit a fullwidth one (U+FF10–FF19, FF21–FF3A, FF41–FF5A) stands for.
    static func fullwidthAlphanumeric(_ scalar: UInt32) -> UInt8? {
        guard (0xFF10...0xFF19).contains(scalar) || (0xFF21...0xFF3A).contains(scalar) || (0xFF41...0xFF5A).contains(scalar) else {
            return nil
        }
        return UInt8(scalar - 0xFEE0)
    }

    /// Cyrillic and Greek letters that look like Latin ones.
    private static let lookalikes: [UInt32: UInt8] = {
        let pairs: [(UInt32, Character)] = [
            (0x430, "a"), (0x410, "a"), (0x435, "e"), (0x415, "e"), (0x43E, "o"), (0x41E, "o"), (0x440, "p"), (0x420, "p"),
            (0x441, "c"), (0x421, "c"), (0x443, "y"), (0x445, "x"), (0x425, "x"), (0x456, "i"), (0x406, "i"), (0x455, "s"),
            (0x458, "j"), (0x43A, "k"), (0x41A, "k"), (0x43C, "m"), (0x41C, "m"), (0x43D, "h"), (0x41D, "h"), (0x442, "t"),
            (0x422, "t"), (0x432, "b"), (0x412, "b"), (0x3BF, "o"), (0x39F, "o"), (0x3B1, "a"), (0x391, "a"), (0x3B5, "e"),
            (0x395, "e"), (0x3BA, "k"), (0x39A, "k"), (0x3C5, "u"), (0x3BD, "v"), (0x3C1, "p"), (0x3A1, "p"), (0x3C4, "t"),
        ]
        var table: [UInt32: UInt8] = [:]
        for (scalar, letter) in pairs { table[scalar] = letter.asciiValue }
        return table
    }()
}
