/// Folds accented Latin letters (Latin-1 Supplement and Latin Extended-A) to their
/// lowercase ASCII base letter, so "São", "SÃO" and "Sao" share word features.
enum NERLatinFolding {
    private static let latin1: [UInt8] = Array("aaaaaaaceeeeiiiidnooooo*ouuuuytsaaaaaaaceeeeiiiidnooooo*ouuuuyty".utf8)
    private static let extendedA: [UInt8] = Array(
        ("aaaaaa" + "cccccccc" + "dddd" + "eeeeeeeeee" + "gggggggg" + "hhhh" + "iiiiiiiiii" + "ii" + "jj" + "kkk"
            + "llllllllll" + "nnnnnnn" + "nn" + "oooooo" + "oo" + "rrrrrr" + "ssssssss" + "tttttt"
            + "uuuuuuuuuuuu" + "ww" + "yyy" + "zzzzzz" + "s").utf8)

    /// The folded lowercase form of a non-ASCII letter, or nil if it is not in the tables.
    @inline(__always)
    static func fold(_ value: UInt32) -> UInt32? {
        switch value {
        case 0xC0...0xFF:
            let folded = latin1[Int(value - 0xC0)]
            return folded == UInt8(ascii: "*") ? nil : UInt32(folded)
        case 0x100...0x17F:
            return UInt32(extendedA[Int(value - 0x100)])
        default:
            return nil
        }
    }
}
