/// Computes `NERTokenInfo` for one token of UTF-8 text.
enum NERTokenAnalyzer {
    static func analyze(_ text: UnsafeBufferPointer<UInt8>, _ range: NERTokenRange) -> NERTokenInfo {
        var info = NERTokenInfo()
        var flags = NERTokenFlags()
        var lower = NERHash.offset
        var exact = NERHash.offset
        var shape = NERHash.offset
        var shortShape = NERHash.offset
        var lastShape: UInt32 = 0
        var run = 0
        var count = 0
        var sawWordCharacter = false
        // The last four lowercased scalars, most recent in `r0`.
        var r0: UInt32 = 0, r1: UInt32 = 0, r2: UInt32 = 0, r3: UInt32 = 0
        var index = range.start
        while index < range.end {
            let (value, length) = NERUTF8.decode(text, at: index)
            index += length
            let kind = NERCharClass.of(value)
            var folded = value
            if value >= 0xC0, let latin = NERLatinFolding.fold(value) { folded = latin }
            let shapeCode: UInt32
            switch kind {
            case .upper:
                flags.insert(.hasUpper)
                if !sawWordCharacter { flags.insert(.initialUpper) }
                if folded == value { folded = NERCharClass.lowercased(value) }
                shapeCode = 0x58 // X
            case .lower:
                flags.insert(.hasLower)
                shapeCode = 0x78 // x
            case .digit:
                flags.insert(.hasDigit)
                folded = 0x30
                shapeCode = 0x64 // d
            case .caseless:
                flags.insert(.hasCaseless)
                shapeCode = 0x61 // a
            case .mark:
                shapeCode = 0
            default:
                flags.insert(.hasPunctuation)
                if value == 0x2D { flags.insert(.hasHyphen) }
                if value == 0x2E { flags.insert(.hasPeriod) }
                shapeCode = value < 0x80 ? value : 0x2A // '*' for non-ASCII symbols
            }
            if kind == .upper || kind == .lower || kind == .caseless {
                if NERCharClass.isLatinLetter(value) { flags.insert(.hasLatin) } else { flags.insert(.hasNonLatinLetter) }
            } else if kind == .digit {
                flags.insert(.hasLatin)
            }
            if kind.isWordLike { sawWordCharacter = true }
            let exactValue = kind == .digit ? 0x30 : value
            lower = NERHash.step(lower, folded)
            exact = NERHash.step(exact, exactValue)
            if shapeCode != 0 {
                if shapeCode == lastShape {
                    run += 1
                } else {
                    shortShape = NERHash.step(shortShape, shapeCode)
                    lastShape = shapeCode
                    run = 1
                }
                if run <= 4 { shape = NERHash.step(shape, shapeCode) }
            }
            count += 1
            switch count {
            case 1: info.prefix1 = NERHash.mix(lower)
            case 2: info.prefix2 = NERHash.mix(lower)
            case 3: info.prefix3 = NERHash.mix(lower)
            case 4: info.prefix4 = NERHash.mix(lower)
            default: break
            }
            r3 = r2; r2 = r1; r1 = r0; r0 = folded
        }
        info.lower = NERHash.mix(lower)
        info.exact = NERHash.mix(exact)
        info.shape = NERHash.mix(shape)
        info.shortShape = NERHash.mix(shortShape)
        info.length = count
        info.flags = flags
        var suffix = NERHash.offset
        suffix = NERHash.step(suffix, r0); info.suffix1 = NERHash.mix(suffix)
        if count >= 2 { suffix = NERHash.step(suffix, r1); info.suffix2 = NERHash.mix(suffix) }
        if count >= 3 { suffix = NERHash.step(suffix, r2); info.suffix3 = NERHash.mix(suffix) }
        if count >= 4 { suffix = NERHash.step(suffix, r3); info.suffix4 = NERHash.mix(suffix) }
        return info
    }
}
