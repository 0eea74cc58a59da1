/// Turns an analysed document into feature keys, one list per token.
///
/// Keys are 64-bit hashes of (template, value); the same code runs at training and at
/// tagging time, so a key means the same thing in both.
enum NERFeatureExtractor {
    /// Version of the feature set; stored in model files and checked on load.
    static let version: UInt32 = 1

    @inline(__always)
    static func key(_ template: NERFeatureTemplate, _ value: UInt64) -> UInt64 {
        let k = NERHash.combine(template.seed, value)
        return k == 0 ? 1 : k
    }

    @inline(__always)
    private static func key(_ template: NERFeatureTemplate, _ a: UInt64, _ b: UInt64) -> UInt64 {
        let k = NERHash.combine(NERHash.combine(template.seed, a), b)
        return k == 0 ? 1 : k
    }

    /// Appends the keys of token `index` (in sentence `start..<end`) to `keys`.
    static func append(
        token index: Int,
        sentence start: Int, _ end: Int,
        analysis: NERDocumentAnalysis,
        into keys: inout [UInt64]
    ) {
        analysis.infos.withUnsafeBufferPointer { infos in
            let pad = NERTokenInfo.padding
            let w = infos[index]
            let m1 = index - 1 >= start ? infos[index - 1] : pad
            let m2 = index - 2 >= start ? infos[index - 2] : pad
            let p1 = index + 1 < end ? infos[index + 1] : pad
            let p2 = index + 2 < end ? infos[index + 2] : pad
            let position = UInt64(analysis.positions[index])

            keys.append(key(.bias, 0))
            keys.append(key(.lower, w.lower))
            keys.append(key(.exact, w.exact))
            keys.append(key(.shape, w.shape))
            keys.append(key(.shortShape, w.shortShape))
            keys.append(key(.prefix1, w.prefix1))
            if w.length >= 2 { keys.append(key(.prefix2, w.prefix2)) }
            if w.length >= 3 { keys.append(key(.prefix3, w.prefix3)) }
            if w.length >= 4 { keys.append(key(.prefix4, w.prefix4)) }
            keys.append(key(.suffix1, w.suffix1))
            if w.length >= 2 { keys.append(key(.suffix2, w.suffix2)) }
            if w.length >= 3 { keys.append(key(.suffix3, w.suffix3)) }
            if w.length >= 4 { keys.append(key(.suffix4, w.suffix4)) }

            keys.append(key(.lowerPrevious2, m2.lower))
            keys.append(key(.lowerPrevious, m1.lower))
            keys.append(key(.lowerNext, p1.lower))
            keys.append(key(.lowerNext2, p2.lower))
            keys.append(key(.shapePrevious2, m2.shortShape))
            keys.append(key(.shapePrevious, m1.shape))
            keys.append(key(.shapeNext, p1.shape))
            keys.append(key(.shapeNext2, p2.shortShape))
            keys.append(key(.bigramPrevious, m1.lower, w.lower))
            keys.append(key(.bigramNext, w.lower, p1.lower))
            keys.append(key(.shapeTrigram, NERHash.combine(m1.shortShape, w.shortShape), p1.shortShape))
            keys.append(key(.shapePosition, w.shape, position))
            if position & UInt64(NERDocumentAnalysis.capitalsSentence) != 0 {
                keys.append(key(.capitalsSentenceWord, w.lower))
            }
            if position != 0 { keys.append(key(.lowerPosition, w.lower, position)) }

            let capitals = w.flags.capitalClass
            var bits = analysis.gazetteer[index]
            while bits != 0 {
                let bit = UInt64(bits.trailingZeroBitCount)
                bits &= bits - 1
                keys.append(key(.gazetteer, bit, capitals))
            }
            if index - 1 >= start {
                keys.append(key(.gazetteerPrevious, UInt64(analysis.gazetteer[index - 1])))
            }
            if index + 1 < end {
                keys.append(key(.gazetteerNext, UInt64(analysis.gazetteer[index + 1])))
            }

            if w.flags.hasWordCharacter {
                let document = UInt64(analysis.document[index])
                keys.append(key(.documentPosition, document, position | capitals << 2))
                keys.append(key(.documentShape, document, w.shortShape))
            }
        }
    }

    /// Number of keys `appendHistory` appends per token.
    static let historyKeysPerToken = 5

    /// Appends the second-stage keys of token `index`, built from `analysis.history`.
    static func appendHistory(token index: Int, analysis: NERDocumentAnalysis, into keys: inout [UInt64]) {
        let history = UInt64(analysis.history[index])
        let own = history & 7
        let document = history >> 9
        let shape = analysis.infos[index].flags.capitalClass | UInt64(analysis.positions[index]) << 2
        keys.append(key(.historyOwn, own))
        keys.append(key(.historyContext, history & 0x1FF))
        keys.append(key(.historyDocument, document))
        keys.append(key(.historyDocumentShape, document, shape))
        keys.append(key(.historyDocumentOwn, document, own))
    }
}
