/// Hashes and flags computed once per token, from which all features are built.
struct NERTokenInfo: Sendable {
    /// Lowercased form, accents of Latin letters removed, digits folded to 0.
    var lower: UInt64 = 0
    /// Exact form with digits folded to 0.
    var exact: UInt64 = 0
    /// Word shape, runs capped at four ("Xxxxx", "dddd-dd-dd").
    var shape: UInt64 = 0
    /// Condensed word shape, runs collapsed ("Xx", "X.X.", "d-d").
    var shortShape: UInt64 = 0
    var prefix1: UInt64 = 0
    var prefix2: UInt64 = 0
    var prefix3: UInt64 = 0
    var prefix4: UInt64 = 0
    var suffix1: UInt64 = 0
    var suffix2: UInt64 = 0
    var suffix3: UInt64 = 0
    var suffix4: UInt64 = 0
    /// Number of Unicode scalars.
    var length: Int = 0
    var flags = NERTokenFlags()

    /// The stand-in for positions before the first and after the last token of a sentence.
    static let padding: NERTokenInfo = {
        var info = NERTokenInfo()
        let pad = NERHash.hash(ascii: "<pad>")
        info.lower = pad
        info.exact = pad
        info.shape = pad
        info.shortShape = pad
        info.flags = []
        return info
    }()
}
