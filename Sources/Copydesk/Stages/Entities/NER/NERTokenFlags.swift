/// Orthographic facts about one token.
struct NERTokenFlags: OptionSet, Sendable {
    let rawValue: UInt32

    static let hasUpper = NERTokenFlags(rawValue: 1 << 0)
    static let hasLower = NERTokenFlags(rawValue: 1 << 1)
    static let hasDigit = NERTokenFlags(rawValue: 1 << 2)
    static let hasCaseless = NERTokenFlags(rawValue: 1 << 3)
    static let hasPunctuation = NERTokenFlags(rawValue: 1 << 4)
    /// The first word character is an uppercase letter.
    static let initialUpper = NERTokenFlags(rawValue: 1 << 5)
    /// Contains a Latin letter or an ASCII digit.
    static let hasLatin = NERTokenFlags(rawValue: 1 << 6)
    /// Contains a letter of a script other than Latin.
    static let hasNonLatinLetter = NERTokenFlags(rawValue: 1 << 7)
    static let hasHyphen = NERTokenFlags(rawValue: 1 << 8)
    static let hasPeriod = NERTokenFlags(rawValue: 1 << 9)

    /// Has a letter and no lowercase letter.
    var isAllUpper: Bool { contains(.hasUpper) && !contains(.hasLower) }
    /// Has any letter, digit or mark.
    var hasWordCharacter: Bool { !isDisjoint(with: [.hasUpper, .hasLower, .hasDigit, .hasCaseless]) }
    /// May be part of an entity: Latin letters or digits and no other script's letters.
    var isEntityCandidate: Bool { contains(.hasLatin) && !contains(.hasNonLatinLetter) }
    /// May begin or end an entity (same as `isEntityCandidate`).
    var canBoundEntity: Bool { isEntityCandidate }

    /// 0 = starts lowercase or other, 1 = capitalised, 2 = all capitals, 3 = no letters.
    var capitalClass: UInt64 {
        if !contains(.hasUpper) && !contains(.hasLower) { return 3 }
        if isAllUpper { return 2 }
        return contains(.initialUpper) ? 1 : 0
    }
}
