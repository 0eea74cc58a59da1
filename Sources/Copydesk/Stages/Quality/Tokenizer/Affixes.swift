/// spaCy's English prefix, suffix and infix rules (spacy/lang/punctuation.py, spacy/lang/en/punctuation.py),
/// written as code over scalars instead of regular expressions.
enum Affixes {
    /// `LIST_PUNCT` + `LIST_QUOTES` + the other single-character prefixes (`§ % = — –`) + `LIST_CURRENCY`.
    static let prefixSet: Set<UInt32> = {
        var set = punctSet.union(quoteSet)
        set.formUnion([0xA7, 0x25, 0x3D, 0x2014, 0x2013])
        set.formUnion("$£€¥฿₽﷼".unicodeScalars.map(\.value))
        set.formUnion(0x20A0...0x20BF)
        return set
    }()

    /// `LIST_PUNCT` as single characters.
    static let punctSet: Set<UInt32> = Set("…,:;!?¿؟¡()[]{}<>_#*&。？！，、；：～·।،۔؛٪".unicodeScalars.map(\.value))

    /// `LIST_QUOTES` / `CONCAT_QUOTES` as single characters.
    static let quoteSet: Set<UInt32> = Set("'\"”“`‘´’‚,„»«「」『』（）〔〕【】《》〈〉〈〉⟦⟧".unicodeScalars.map(\.value))

    /// Single-character suffixes: `LIST_PUNCT` + `LIST_QUOTES` + `— –`.
    static let suffixSet: Set<UInt32> = punctSet.union(quoteSet).union([0x2014, 0x2013])

    /// Characters allowed before a final '.' split off as a suffix (`[0-9{al}{e}{p}(?:{q})]` besides
    /// lowercase letters and digits): `%²-+`, the characters of `PUNCT` and `(?:` `)` and the quotes.
    static let beforeDotSet: Set<UInt32> = {
        var set = punctSet.union(quoteSet)
        set.formUnion("%²-+|(?:)".unicodeScalars.map(\.value))
        return set
    }()

    /// `CURRENCY` and `UNITS`, which split off after a digit.
    private static let afterDigitSuffixes: [[UInt32]] = {
        let currency = "$ £ € ¥ ฿ US$ C$ A$ ₽ ﷼ ₴ ₠ ₡ ₢ ₣ ₤ ₥ ₦ ₧ ₨ ₩ ₪ ₫ ₭ ₮ ₯ ₰ ₱ ₲ ₳ ₵ ₶ ₷ ₸ ₹ ₺ ₻ ₼ ₾ ₿"
        let units = "km km² km³ m m² m³ dm dm² dm³ cm cm² cm³ mm mm² mm³ ha µm nm yd in ft kg g mg µg t lb oz m/s km/h kmh "
            + "mph hPa Pa mbar mb MB kb KB gb GB tb TB T G M K % км км² км³ м м² м³ дм дм² дм³ см см² см³ мм мм² мм³ нм "
            + "кг г мг м/с км/ч кПа Па мбар Кб КБ кб Мб МБ мб Гб ГБ гб Тб ТБ тбكم كم² كم³ م م² م³ سم سم² سم³ مم مم² مم³ "
            + "كم غرام جرام جم كغ ملغ كوب اكواب"
        return (currency + " " + units).split(separator: " ").map { $0.unicodeScalars.map(\.value) }
    }()
    private static let longestAfterDigit = afterDigitSuffixes.map(\.count).max() ?? 0

    /// spaCy `HYPHENS`, in the order the alternation tries them.
    private static let hyphens: [[UInt32]] = ["-", "–", "—", "--", "---", "——", "~"].map { $0.unicodeScalars.map(\.value) }

    /// The length of the prefix at `s[lo]`, or 0.
    static func prefixLength(_ s: [UInt32], _ lo: Int, _ hi: Int) -> Int {
        let c = s[lo]
        if c == 0x2B {  // \+(?![0-9])
            return lo + 1 < hi && ScalarClass.isDigit(s[lo + 1]) ? 0 : 1
        }
        if c == 0x2E {  // \.\.+
            var end = lo + 1
            while end < hi, s[end] == 0x2E { end += 1 }
            return end - lo >= 2 ? end - lo : 0
        }
        if isPrefixCharacter(c) || ScalarClass.isIcon(c) { return 1 }
        // US$ C$ A$
        if c == 0x55, lo + 2 < hi, s[lo + 1] == 0x53, s[lo + 2] == 0x24 { return 3 }
        if c == 0x43 || c == 0x41, lo + 1 < hi, s[lo + 1] == 0x24 { return 2 }
        return 0
    }

    /// The length of the suffix ending at `hi`: spaCy searches its `...$` alternatives left to right,
    /// so the suffix that starts first wins.
    static func suffixLength(_ s: [UInt32], _ lo: Int, _ hi: Int) -> Int {
        guard hi > lo else { return 0 }
        var best = 0
        // \.\.+$ : the whole trailing run of dots.
        var dots = hi
        while dots > lo, s[dots - 1] == 0x2E { dots -= 1 }
        if hi - dots >= 2 { best = hi - dots }
        // Currency and units after a digit.
        let window = min(longestAfterDigit, hi - lo - 1)
        if window > 0 {
            for length in stride(from: window, through: 1, by: -1) where length > best {
                let start = hi - length
                guard ScalarClass.isDigit(s[start - 1]) else { continue }
                if afterDigitSuffixes.contains(where: { $0.count == length && $0.elementsEqual(s[start..<hi]) }) {
                    best = length
                    break
                }
            }
        }
        if best >= 2 { return best }
        // Two-character suffixes: …… 's 'S ’s ’S
        if hi - lo >= 2 {
            let a = s[hi - 2], b = s[hi - 1]
            if (a == 0x2026 && b == 0x2026) || ((a == 0x27 || a == 0x2019) && (b == 0x73 || b == 0x53)) { return 2 }
        }
        if best == 1 { return 1 }
        let c = s[hi - 1]
        if isSuffixCharacter(c) || ScalarClass.isIcon(c) { return 1 }
        let before = hi - 2 >= lo ? s[hi - 2] : nil
        if c == 0x2B, let before, ScalarClass.isDigit(before) { return 1 }
        if c == 0x2E, let before {
            if ScalarClass.isDigit(before) || ScalarClass.isSpacyLower(before) || isBeforeDotCharacter(before) { return 1 }
            if hi - 3 >= lo {
                let first = s[hi - 3]
                if ScalarClass.isSpacyUpper(first) && ScalarClass.isSpacyUpper(before) { return 1 }
                if first == 0xB0 && "FfCcKk".unicodeScalars.contains(where: { $0.value == before }) { return 1 }
            }
        }
        return 0
    }

    /// The length of the infix starting at `s[p]` (0 if none); lookbehind sees `s[lo..<p]`.
    static func infixLength(_ s: [UInt32], _ lo: Int, _ hi: Int, at p: Int) -> Int {
        let c = s[p]
        if c == 0x2E, p + 1 < hi, s[p + 1] == 0x2E {  // \.\.+
            var end = p + 2
            while end < hi, s[end] == 0x2E { end += 1 }
            return end - p
        }
        if c == 0x2026 || ScalarClass.isIcon(c) { return 1 }
        guard p > lo, p + 1 < hi else { return 0 }
        let before = s[p - 1], after = s[p + 1]
        switch c {
        case 0x2B, 0x2D, 0x2A, 0x5E:  // (?<=[0-9])[+\-\*^](?=[0-9-])
            if ScalarClass.isDigit(before) && (ScalarClass.isDigit(after) || after == 0x2D) { return 1 }
        case 0x2E:  // (?<=[{al}{q}])\.(?=[{au}{q}])
            if (ScalarClass.isSpacyLower(before) || isQuote(before))
                && (ScalarClass.isSpacyUpper(after) || isQuote(after)) { return 1 }
        case 0x2C:  // (?<=[{a}]),(?=[{a}])
            if ScalarClass.isSpacyAlpha(before) && ScalarClass.isSpacyAlpha(after) { return 1 }
        default:
            break
        }
        let letterOrDigitBefore = ScalarClass.isSpacyAlpha(before) || ScalarClass.isDigit(before)
        guard letterOrDigitBefore else { return 0 }
        for hyphen in hyphens where p + hyphen.count < hi {
            if hyphen.indices.allSatisfy({ s[p + $0] == hyphen[$0] }) && ScalarClass.isSpacyAlpha(s[p + hyphen.count]) {
                return hyphen.count
            }
        }
        switch c {
        case 0x3A, 0x3C, 0x3E, 0x3D, 0x2F:  // (?<=[{a}0-9])[:<>=/](?=[{a}])
            if ScalarClass.isSpacyAlpha(after) { return 1 }
        default:
            break
        }
        return 0
    }

    // ASCII members of the sets above, tested without touching the sets.

    @inline(__always)
    static func isASCIIPunct(_ c: UInt32) -> Bool {
        switch c {
        case 0x2C, 0x3A, 0x3B, 0x21, 0x3F, 0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D, 0x3C, 0x3E, 0x5F, 0x23, 0x2A, 0x26: return true
        default: return false
        }
    }

    @inline(__always)
    static func isQuote(_ c: UInt32) -> Bool {
        if c < 0x80 { return c == 0x27 || c == 0x22 || c == 0x60 || c == 0x2C }
        return quoteSet.contains(c)
    }

    @inline(__always)
    static func isPrefixCharacter(_ c: UInt32) -> Bool {
        if c < 0x80 { return isASCIIPunct(c) || c == 0x27 || c == 0x22 || c == 0x60 || c == 0x25 || c == 0x3D || c == 0x24 }
        return prefixSet.contains(c)
    }

    @inline(__always)
    static func isSuffixCharacter(_ c: UInt32) -> Bool {
        if c < 0x80 { return isASCIIPunct(c) || c == 0x27 || c == 0x22 || c == 0x60 }
        return suffixSet.contains(c)
    }

    @inline(__always)
    static func isBeforeDotCharacter(_ c: UInt32) -> Bool {
        if c < 0x80 {
            return isASCIIPunct(c) || c == 0x27 || c == 0x22 || c == 0x60 || c == 0x25 || c == 0x2D || c == 0x2B || c == 0x7C
        }
        return beforeDotSet.contains(c)
    }
}
