/// Short words that keep their trailing period as part of the token ("Inc.", "Mr.", "Aug."),
/// matched by hash so the tokenizer never builds a `String`.
struct NERAbbreviations: Sendable {
    private let hashes: Set<UInt64>

    init() {
        let words = [
            "Mr", "Mrs", "Ms", "Dr", "Jr", "Sr", "St", "Mt", "Ft", "Inc", "Corp", "Co", "Ltd", "Plc",
            "Bros", "Cos", "Gen", "Col", "Lt", "Sgt", "Capt", "Cmdr", "Adm", "Maj", "Gov", "Sen",
            "Rep", "Reps", "Sens", "Prof", "Rev", "Hon", "Pres", "Jan", "Feb", "Apr", "Jun", "Jul",
            "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No", "Nos", "vs", "Vs", "etc", "Dept", "Ave",
            "Blvd", "Rd", "Ct", "Cpl", "Pvt", "Messrs", "Calif", "Fla", "Mass", "Conn", "Penn",
            "Ill", "Mich", "Wash", "Tex", "Ariz", "Colo", "Okla", "Ore", "Wis", "Minn", "Ky", "Tenn",
            "Md", "Va", "Ga", "Ala", "La", "Miss", "Mo", "Neb", "Nev", "Kan", "Ind", "Del", "approx",
            "Mme", "Mlle", "Sra", "Fig", "Vol", "Nr", "Hr", "Rs", "Govt", "Pty", "Pte", "Bhd", "Mfg",
        ]
        var set = Set<UInt64>()
        for word in words {
            var h = NERHash.offset
            for byte in word.utf8 { h = NERHash.step(h, UInt32(byte)) }
            set.insert(h)
        }
        hashes = set
    }

    /// True if `bytes[range]` (without the period) is a known abbreviation.
    func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard range.count <= 6 else { return false }
        var h = NERHash.offset
        for index in range {
            let byte = bytes[index]
            guard byte < 0x80 else { return false }
            h = NERHash.step(h, UInt32(byte))
        }
        return hashes.contains(h)
    }
}
