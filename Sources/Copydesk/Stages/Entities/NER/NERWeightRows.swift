/// Weight rows laid out for fast accumulation: each row padded to a multiple of 16
/// integers and the whole block aligned to a cache line, so a row of up to 32 tags is
/// one cache line and is added with two vector operations.
///
/// `@unchecked Sendable`: the memory is written only in `init` and never again.
final class NERWeightRows: @unchecked Sendable {
    /// Integers per row (16 or 32).
    let stride: Int
    let tagCount: Int
    private let storage: UnsafeMutablePointer<Int16>

    /// Copies `weights` (`rowCount * tagCount`, densely packed) into padded rows, followed
    /// by one all-zero row (number `rowCount`) for features the model does not know.
    init(weights: [Int16], tagCount: Int) {
        precondition(tagCount <= 32, "at most 32 tags")
        let stride = tagCount <= 16 ? 16 : 32
        let rowCount = tagCount == 0 ? 0 : weights.count / tagCount
        let raw = UnsafeMutableRawPointer.allocate(byteCount: (rowCount + 1) * stride * 2, alignment: 64)
        storage = raw.bindMemory(to: Int16.self, capacity: (rowCount + 1) * stride)
        storage.initialize(repeating: 0, count: (rowCount + 1) * stride)
        for row in 0..<rowCount {
            for tag in 0..<tagCount { storage[row * stride + tag] = weights[row * tagCount + tag] }
        }
        self.stride = stride
        self.tagCount = tagCount
    }

    deinit { storage.deallocate() }

    /// Adds the rows in `rows` to `scores` (at least `tagCount` entries).
    @inline(__always)
    func accumulate(_ rows: UnsafeBufferPointer<Int32>, into scores: UnsafeMutableBufferPointer<Int32>) {
        var low = SIMD16<Int32>(repeating: 0)
        var high = SIMD16<Int32>(repeating: 0)
        let base = UnsafeRawPointer(storage)
        if stride == 16 {
            for row in rows {
                let vector = base.loadUnaligned(fromByteOffset: Int(row) &* 32, as: SIMD16<Int16>.self)
                low &+= SIMD16<Int32>(truncatingIfNeeded: vector)
            }
        } else {
            for row in rows {
                let offset = Int(row) &* 64
                low &+= SIMD16<Int32>(truncatingIfNeeded: base.loadUnaligned(fromByteOffset: offset, as: SIMD16<Int16>.self))
                high &+= SIMD16<Int32>(truncatingIfNeeded: base.loadUnaligned(fromByteOffset: offset + 32, as: SIMD16<Int16>.self))
            }
        }
        for tag in 0..<min(tagCount, 16) { scores[tag] &+= low[tag] }
        if tagCount > 16 { for tag in 16..<tagCount { scores[tag] &+= high[tag - 16] } }
    }
}
