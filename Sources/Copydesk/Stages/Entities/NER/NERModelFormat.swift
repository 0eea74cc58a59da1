/// Layout constants of the binary model file.
///
/// All integers are little-endian:
///
///     magic            8 bytes  "CDNERMOD"
///     format version   UInt32   (1)
///     feature version  UInt32   (`NERFeatureExtractor.version`)
///     scheme           UInt8    (0 = BIO, 1 = BILOU)
///     label count      UInt8, then per label: UInt8 length + ASCII name (PER, ORG, LOC, MISC)
///     tag count        UInt32
///     stage count      UInt8    (1 or 2), then per stage:
///       weight scale     UInt32   (Float32 bit pattern)
///       feature count    UInt32   (F)
///       transitions      (tagCount + 1)^2 Int32, from-major, boundary last
///       feature keys     F UInt64, strictly increasing, non-zero
///       weights          F * tagCount Int16, row per key
///     gazetteer count  UInt32   (G)
///     gazetteer keys   G UInt64, strictly increasing, non-zero
///     gazetteer flags  G UInt8
///     checksum         UInt64, FNV-1a of every preceding byte
enum NERModelFormat {
    static let magic: [UInt8] = Array("CDNERMOD".utf8)
    static let version: UInt32 = 1
    /// Upper bound on counts, to reject absurd headers before allocating.
    static let maxCount = 1 << 28
}
