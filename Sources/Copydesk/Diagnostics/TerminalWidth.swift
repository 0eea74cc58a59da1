/// How many terminal cells a Unicode scalar takes, so that a caret can line up under it.
///
/// An approximation of `wcwidth`: combining marks and format characters take none,
/// East Asian wide and fullwidth characters and emoji take two, everything else one.
enum TerminalWidth {
    /// The number of cells `scalar` occupies in a monospaced terminal.
    static func cells(of scalar: Unicode.Scalar) -> Int {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return 0
        default:
            break
        }
        if scalar.properties.isEmojiPresentation || isEastAsianWide(scalar.value) {
            return 2
        }
        return 1
    }

    private static func isEastAsianWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F,   // Hangul Jamo initial consonants
             0x2E80...0x303E,   // CJK radicals, Kangxi, CJK symbols and punctuation
             0x3041...0x33FF,   // Hiragana, Katakana, Bopomofo, CJK compatibility
             0x3400...0x4DBF,   // CJK extension A
             0x4E00...0x9FFF,   // CJK unified ideographs
             0xA000...0xA4CF,   // Yi
             0xAC00...0xD7A3,   // Hangul syllables
             0xF900...0xFAFF,   // CJK compatibility ideographs
             0xFE30...0xFE4F,   // CJK compatibility forms
             0xFF00...0xFF60,   // Fullwidth forms
             0xFFE0...0xFFE6,   // Fullwidth signs
             0x20000...0x3FFFD: // CJK extensions B and later
            return true
        default:
            return false
        }
    }
}
