/// Converts byte offsets of one text to code-point offsets in constant time each, after one
/// pass over the text.
///
/// It keeps the number of code points before each 64-byte block, so an offset costs its
/// block's count plus a count over at most 63 bytes. Text without multi-byte characters maps
/// offsets to themselves and keeps no table.
public struct CodePointIndex: Sendable {
    private let text: [UInt8]
    /// Code points before block `k` (bytes from `64k`), and the total last; empty when the text is ASCII.
    private let pointsBeforeBlock: [Int]
    private static let blockShift = 6

    public init(_ text: [UInt8]) {
        self.text = text
        let (table, continuations) = text.withUnsafeBufferPointer(Self.blockTable)
        pointsBeforeBlock = continuations == 0 ? [] : table
    }

    /// The code points before each block, then the total; and the number of continuation bytes.
    private static func blockTable(_ bytes: UnsafeBufferPointer<UInt8>) -> ([Int], Int) {
        guard let base = bytes.baseAddress else { return ([0], 0) }
        let count = bytes.count
        let blocks = count &>> blockShift &+ 1
        var continuations = 0
        let table = [Int](unsafeUninitializedCapacity: blocks &+ 1) { table, initialized in
            var block = 0
            var blockStart = 0
            while blockStart &+ 64 <= count {
                table[block] = blockStart &- continuations
                // One lane sum over the block's eight words (at most 8 per lane), then one horizontal add.
                var laneSums: UInt64 = 0
                var i = blockStart
                while i < blockStart &+ 64 {
                    laneSums &+= ByteWord.continuation(ByteWord.load(base, at: i)) &>> 7
                    i &+= 8
                }
                continuations &+= Int(truncatingIfNeeded: (laneSums &* ByteWord.lanes) &>> 56)
                block &+= 1
                blockStart &+= 64
            }
            if blockStart < count {
                table[block] = blockStart &- continuations
                continuations &+= count &- blockStart &- UTF8Text.codePointCount(bytes, from: blockStart, to: count)
                block &+= 1
            }
            // A last entry for an offset at the very end of a text whose length is a multiple of 64.
            table[block] = count &- continuations
            initialized = block &+ 1
        }
        return (table, continuations)
    }

    /// The code-point offset of byte offset `offset` (clamped to the text).
    public func codePoint(atByte offset: Int) -> Int {
        let offset = min(max(offset, 0), text.count)
        if pointsBeforeBlock.isEmpty { return offset }
        let block = offset >> Self.blockShift
        let blockStart = block << Self.blockShift
        return pointsBeforeBlock[block] &+ text.withUnsafeBufferPointer {
            UTF8Text.codePointCount($0, from: blockStart, to: offset)
        }
    }

    /// A byte range of the text as a code-point range.
    public func codePoints(_ range: Range<Int>) -> Range<Int> {
        let start = codePoint(atByte: range.lowerBound)
        return start..<max(start, codePoint(atByte: range.upperBound))
    }
}

/// The `CodePointIndex` of each field of a document, built when first asked for: of the fields'
/// input values (for `removed` and `trace`), or of their current values (for entities).
struct FieldCodePoints {
    enum Version {
        case input, current
    }

    private let version: Version
    private var indexes = FieldMap<CodePointIndex>()

    init(_ version: Version) {
        self.version = version
    }

    /// `range`, in bytes of `field`, in code points of it; unchanged when the document has no such field.
    mutating func codePoints(_ range: Range<Int>, in field: String, of document: Document) -> Range<Int> {
        index(field, of: document)?.codePoints(range) ?? range
    }

    /// The code-point offset of byte `offset` of `field`; unchanged when the document has no such field.
    mutating func codePoint(atByte offset: Int, in field: String, of document: Document) -> Int {
        index(field, of: document)?.codePoint(atByte: offset) ?? offset
    }

    private mutating func index(_ field: String, of document: Document) -> CodePointIndex? {
        let version = version
        return indexes.value(field) {
            (version == .input ? document.originalField(field) : document.field(field)).map(CodePointIndex.init)
        }
    }
}
