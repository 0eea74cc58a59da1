/// What a Unicode scalar is, as far as tokenising and word shapes are concerned.
enum NERCharClass: UInt8 {
    case space
    case newline
    case upper
    case lower
    /// A letter without case (Hangul, Devanagari, CJK, ...).
    case caseless
    /// A combining mark: part of the word it follows, script-neutral.
    case mark
    case digit
    case punctuation

    /// Letters, marks and digits: the scalars that make up words.
    @inline(__always)
    var isWordLike: Bool { self.rawValue >= NERCharClass.upper.rawValue && self != .punctuation }

    /// Letters of any script.
    @inline(__always)
    var isLetter: Bool { self == .upper || self == .lower || self == .caseless }

    @inline(__always)
    var isSpace: Bool { self == .space || self == .newline }

    /// Classifies an ASCII byte.
    @inline(__always)
    static func ascii(_ byte: UInt8) -> NERCharClass {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): .lower
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): .upper
        case UInt8(ascii: "0")...UInt8(ascii: "9"): .digit
        case UInt8(ascii: "\n"): .newline
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), 0x0B, 0x0C: .space
        case 0..<0x20, 0x7F: .space
        default: .punctuation
        }
    }

    /// Classifies any scalar; ASCII and common Latin-1 and typographic characters take
    /// the fast path.
    @inline(__always)
    static func of(_ value: UInt32) -> NERCharClass {
        if value < 0x80 { return ascii(UInt8(truncatingIfNeeded: value)) }
        return nonASCII(value)
    }

    private static func nonASCII(_ value: UInt32) -> NERCharClass {
        switch value {
        case 0xC0...0xDE: return value == 0xD7 ? .punctuation : .upper
        case 0xDF...0xFF: return value == 0xF7 ? .punctuation : .lower
        case 0x2010...0x2027, 0x2030...0x205E: return value == 0x2028 || value == 0x2029 ? .newline : .punctuation
        default: break
        }
        switch value {
        case 0x85, 0x2028, 0x2029: return .newline
        case 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF: return .space
        case 0x80..<0xA0: return .space
        case 0xFFFD: return .punctuation
        default: break
        }
        guard let scalar = Unicode.Scalar(value) else { return .punctuation }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .titlecaseLetter: return .upper
        case .lowercaseLetter: return .lower
        case .otherLetter, .modifierLetter: return .caseless
        case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
        case .decimalNumber, .letterNumber, .otherNumber: return .caseless
        case .spaceSeparator: return .space
        case .lineSeparator, .paragraphSeparator: return .newline
        case .format, .control: return .space
        default: return .punctuation
        }
    }

    /// True for letters of the Latin script (ASCII letters and the Latin extension blocks).
    @inline(__always)
    static func isLatinLetter(_ value: UInt32) -> Bool {
        switch value {
        case 0x41...0x5A, 0x61...0x7A: true
        case 0xC0...0x24F: value != 0xD7 && value != 0xF7
        case 0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF: true
        case 0xFF21...0xFF3A, 0xFF41...0xFF5A: true
        default: false
        }
    }

    /// The lowercase form of a scalar (simple one-to-one mapping; others unchanged).
    @inline(__always)
    static func lowercased(_ value: UInt32) -> UInt32 {
        if value < 0x80 {
            return (value &- 0x41) < 26 ? value | 0x20 : value
        }
        guard let scalar = Unicode.Scalar(value), scalar.properties.isUppercase else { return value }
        let mapped = scalar.properties.lowercaseMapping.unicodeScalars
        guard mapped.count == 1, let first = mapped.first else { return value }
        return first.value
    }
}
