/// Python's and spaCy's character predicates, on Unicode scalar values.
enum ScalarClass {
    /// Python `str.isspace()`.
    @inline(__always)
    static func isSpace(_ c: UInt32) -> Bool {
        if c < 0x80 { return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) }
        switch c {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Python `str.isalpha()` for one character: general category L*.
    @inline(__always)
    static func isAlpha(_ c: UInt32) -> Bool {
        if c < 0x80 { return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
        guard let scalar = Unicode.Scalar(c) else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// Python regex `\w` (str patterns): letters, numbers and the underscore.
    @inline(__always)
    static func isWord(_ c: UInt32) -> Bool {
        if c < 0x80 {
            return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || (c >= 0x30 && c <= 0x39) || c == 0x5F
        }
        guard let scalar = Unicode.Scalar(c) else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber: return true
        default: return false
        }
    }

    /// spaCy's `is_punct`: general category P*.
    static func isPunctuation(_ c: UInt32) -> Bool {
        if c < 0x80 {
            switch c {
            case 0x21...0x23, 0x25...0x2A, 0x2C...0x2F, 0x3A, 0x3B, 0x3F, 0x40, 0x5B...0x5D, 0x5F, 0x7B, 0x7D: return true
            default: return false
            }
        }
        guard let scalar = Unicode.Scalar(c) else { return false }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }

    /// General Punctuation (curly quotes, dashes) and the arrow, mathematical, technical, box and
    /// symbol blocks up to U+2BFF: no letters there, so letter tests can skip them.
    @inline(__always)
    static func isPunctuationBlock(_ c: UInt32) -> Bool {
        (c >= 0x2000 && c <= 0x206F) || (c >= 0x2190 && c <= 0x2BFF)
    }

    /// ASCII `[0-9]`.
    @inline(__always)
    static func isDigit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }

    /// spaCy `ALPHA`.
    @inline(__always)
    static func isSpacyAlpha(_ c: UInt32) -> Bool {
        c < 0x80 ? ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A) : CharacterTables.contains(CharacterTables.alpha, c)
    }

    /// spaCy `ALPHA_LOWER`.
    @inline(__always)
    static func isSpacyLower(_ c: UInt32) -> Bool {
        c < 0x80 ? (c >= 0x61 && c <= 0x7A) : CharacterTables.contains(CharacterTables.alphaLower, c)
    }

    /// spaCy `ALPHA_UPPER`.
    @inline(__always)
    static func isSpacyUpper(_ c: UInt32) -> Bool {
        c < 0x80 ? (c >= 0x41 && c <= 0x5A) : CharacterTables.contains(CharacterTables.alphaUpper, c)
    }

    /// spaCy `LIST_ICONS`.
    @inline(__always)
    static func isIcon(_ c: UInt32) -> Bool {
        c >= 0xA6 && CharacterTables.contains(CharacterTables.icons, c)
    }

    /// datatrove `PUNCTUATION_SET`.
    @inline(__always)
    static func isDatatrovePunctuation(_ c: UInt32) -> Bool {
        CharacterTables.contains(CharacterTables.datatrovePunctuation, c)
    }

    /// Decodes the scalar at `i`; invalid UTF-8 reads as U+FFFD, one byte long.
    @inline(__always)
    static func decode(_ text: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> (scalar: UInt32, length: Int) {
        let b0 = UInt32(text[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 >= 0xC2, b0 < 0xE0, i + 1 < end, text[i + 1] & 0xC0 == 0x80 {
            return ((b0 & 0x1F) << 6 | UInt32(text[i + 1] & 0x3F), 2)
        }
        if b0 >= 0xE0, b0 < 0xF0, i + 2 < end, text[i + 1] & 0xC0 == 0x80, text[i + 2] & 0xC0 == 0x80 {
            return ((b0 & 0x0F) << 12 | UInt32(text[i + 1] & 0x3F) << 6 | UInt32(text[i + 2] & 0x3F), 3)
        }
        if b0 >= 0xF0, b0 < 0xF5, i + 3 < end, text[i + 1] & 0xC0 == 0x80, text[i + 2] & 0xC0 == 0x80, text[i + 3] & 0xC0 == 0x80 {
            let value = (b0 & 0x07) << 18 | UInt32(text[i + 1] & 0x3F) << 12 | UInt32(text[i + 2] & 0x3F) << 6 | UInt32(text[i + 3] & 0x3F)
            return (value, 4)
        }
        return (0xFFFD, 1)
    }
}
