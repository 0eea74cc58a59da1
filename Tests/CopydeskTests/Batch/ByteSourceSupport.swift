@testable import Copydesk

/// An in-memory source that returns at most `step` bytes per read, to exercise refills.
final class MemorySource: ByteSource {
    private let bytes: [UInt8]
    private let step: Int
    private var offset = 0

    init(_ bytes: [UInt8], step: Int = .max) {
        self.bytes = bytes
        self.step = step
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputReadError) -> Int {
        let count = min(buffer.count, step, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.baseAddress!.copyMemory(from: source.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return count
    }
}

/// Reads a source to its end, `chunk` bytes at a time.
func readAll(_ source: any ByteSource, chunk: Int = 7) throws -> [UInt8] {
    var result: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: chunk)
    while true {
        let count = try buffer.withUnsafeMutableBytes { try source.read(into: $0) }
        if count == 0 { return result }
        result += buffer[..<count]
    }
}

/// Compresses `pieces` (written one `encode` call each) with `compression`.
func compress(_ pieces: [[UInt8]], _ compression: Compression) throws -> [UInt8] {
    guard let encoder = try compression.encoder(name: "test") else { return pieces.flatMap { $0 } }
    var out: [UInt8] = []
    for piece in pieces {
        try piece.withUnsafeBytes { bytes in try encoder.encode(bytes) { out += $0 } }
    }
    try encoder.finish { out += $0 }
    return out
}

/// Text that compresses but not trivially: numbered lines with varied words.
func sampleLines(_ count: Int) -> [UInt8] {
    let words = ["river", "council", "budget", "storm", "market", "election", "harbour", "bridge"]
    var text = ""
    for index in 0..<count {
        text += "{\"id\": \(index), \"text\": \"\(words[index % 8]) \(words[(index * 7) % 8]) \(index * 2654435761 % 1000003)\"}\n"
    }
    return Array(text.utf8)
}
