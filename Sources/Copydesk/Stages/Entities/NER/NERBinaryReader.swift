/// Reads little-endian fixed-width values from a byte buffer, failing with a
/// `NERModelError.truncated` that names the section being read.
struct NERBinaryReader {
    let bytes: [UInt8]
    let path: String
    private(set) var offset = 0

    init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
    }

    var remaining: Int { bytes.count - offset }

    private func require(_ count: Int, _ section: String) throws(NERModelError) {
        guard count >= 0, count <= remaining else {
            throw .truncated(path: path, section: section, offset: offset, needed: count, available: remaining)
        }
    }

    mutating func read<T: FixedWidthInteger>(_ type: T.Type, _ section: String) throws(NERModelError) -> T {
        let size = MemoryLayout<T>.size
        try require(size, section)
        let value = bytes.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: T.self)) }
        offset += size
        return value
    }

    mutating func readArray<T: FixedWidthInteger>(_ type: T.Type, count: Int, _ section: String) throws(NERModelError) -> [T] {
        let size = MemoryLayout<T>.size
        let (total, overflow) = count.multipliedReportingOverflow(by: size)
        guard !overflow else { throw .corrupt(path: path, section: section, detail: "element count \(count) too large") }
        try require(total, section)
        let start = offset
        let values = bytes.withUnsafeBytes { raw in
            [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                for index in 0..<count {
                    buffer[index] = T(littleEndian: raw.loadUnaligned(fromByteOffset: start + index * size, as: T.self))
                }
                initialized = count
            }
        }
        offset += total
        return values
    }

    mutating func readBytes(count: Int, _ section: String) throws(NERModelError) -> [UInt8] {
        try require(count, section)
        let slice = Array(bytes[offset..<(offset + count)])
        offset += count
        return slice
    }
}
