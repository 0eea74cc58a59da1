/// One word or phrase of a lexicon list.
public struct LexiconEntry: Sendable {
    /// The rule id: `<category>:<term>` unless the list gives an `id`.
    public var id: String
    /// The term as written in the list.
    public var term: String
    public var category: String
    public var severity: Severity
    /// Whole word only: no suffixes and no stretched letters (leetspeak and masks still count).
    public var exact: Bool
    /// Also a name ("Dick"): a capitalised occurrence that does not start a sentence is skipped.
    public var name: Bool
    /// Where the entry is defined, shared by every detection of it.
    public var source: TraceSource

    /// The term's letters, lowercased and folded, words separated by one space; nil when it has no letters.
    static func normalize(_ term: String) -> [UInt8]? {
        var out: [UInt8] = []
        var pendingSpace = false
        for scalar in term.unicodeScalars {
            let value = scalar.value
            var letter: UInt8?
            if value < 0x80, let ascii = Character(scalar).asciiValue, Character(scalar).isLetter {
                letter = ascii | 0x20
            } else if let folded = NERLatinFolding.fold(value) {
                letter = UInt8(folded)
            } else if scalar == "'" || scalar == "\u{2019}" {
                continue
            } else if scalar == " " || scalar == "-" {
                pendingSpace = !out.isEmpty
                continue
            } else {
                return nil
            }
            if pendingSpace { out.append(UInt8(ascii: " ")) }
            pendingSpace = false
            if let letter { out.append(letter) }
        }
        return out.isEmpty ? nil : out
    }
}
