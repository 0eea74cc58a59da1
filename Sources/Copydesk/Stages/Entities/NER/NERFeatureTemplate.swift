/// The kinds of features; each kind's key space is separated by hashing with its seed.
///
/// Changing any template or how its value is computed changes the model's meaning:
/// bump `NERFeatureExtractor.version` when doing so.
enum NERFeatureTemplate: UInt64, CaseIterable {
    case bias = 1
    case lower, exact, shape, shortShape
    case prefix1, prefix2, prefix3, prefix4
    case suffix1, suffix2, suffix3, suffix4
    case lowerPrevious2, lowerPrevious, lowerNext, lowerNext2
    case shapePrevious2, shapePrevious, shapeNext, shapeNext2
    case bigramPrevious, bigramNext
    case shapeTrigram
    case shapePosition
    case capitalsSentenceWord
    case gazetteer
    case gazetteerPrevious, gazetteerNext
    case documentPosition
    case documentShape
    case lowerPosition
    case historyOwn, historyContext, historyDocument, historyDocumentShape, historyDocumentOwn

    /// Seed mixed into every key of this template.
    @inline(__always)
    var seed: UInt64 { NERHash.mix(rawValue &* 0x9E37_79B9_7F4A_7C15) }
}
