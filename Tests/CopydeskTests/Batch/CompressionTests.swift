import XCTest
@testable import Copydesk

final class CompressionTests: XCTestCase {
    /// `printf '{"text":"hello gzip"}\n' | gzip -9n`: written by the gzip tool, not by us.
    private let gzipFromTheGzipTool: [UInt8] = [
        0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0xab, 0x56, 0x2a, 0x49, 0xad, 0x28, 0x51, 0xb2, 0x52,
        0xca, 0x48, 0xcd, 0xc9, 0xc9, 0x57, 0x48, 0xaf, 0xca, 0x2c, 0x50, 0xaa, 0xe5, 0x02, 0x00, 0xbd, 0xe4, 0x29, 0xef,
        0x16, 0x00, 0x00, 0x00,
    ]
    /// `printf '{"text":"hello zstd"}\n' | zstd -19 --no-check`: written by the zstd tool.
    private let zstdFromTheZstdTool: [UInt8] = [
        0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x68, 0xb1, 0x00, 0x00, 0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0x68,
        0x65, 0x6c, 0x6c, 0x6f, 0x20, 0x7a, 0x73, 0x74, 0x64, 0x22, 0x7d, 0x0a,
    ]

    func testCompressionIsChosenByTheFileNameEnding() {
        XCTAssertEqual(Compression(path: "a/part-1.jsonl.gz"), .gzip)
        XCTAssertEqual(Compression(path: "part-1.jsonl.zst"), .zstd)
        XCTAssertEqual(Compression(path: "part-1.jsonl"), .none)
        XCTAssertEqual(Compression.zstd.removingExtension(from: "a/b.jsonl.zst"), "a/b.jsonl")
        XCTAssertEqual(Compression.gzip.removingExtension(from: "a/b.jsonl"), "a/b.jsonl")
    }

    func testGzipWrittenByTheGzipToolIsRead() throws {
        let source = try Compression.gzip.decoder(over: MemorySource(gzipFromTheGzipTool, step: 5), name: "t.gz")
        XCTAssertEqual(String(decoding: try readAll(source), as: UTF8.self), "{\"text\":\"hello gzip\"}\n")
    }

    func testZstdWrittenByTheZstdToolIsRead() throws {
        let source = try Compression.zstd.decoder(over: MemorySource(zstdFromTheZstdTool, step: 5), name: "t.zst")
        XCTAssertEqual(String(decoding: try readAll(source), as: UTF8.self), "{\"text\":\"hello zstd\"}\n")
    }

    func testRoundTripsKeepEveryByteWhateverTheReadAndWriteSizes() throws {
        let original = sampleLines(20_000)
        let pieces = stride(from: 0, to: original.count, by: 99_991).map { Array(original[$0..<min($0 + 99_991, original.count)]) }
        for compression in [Compression.gzip, .zstd] {
            let packed = try compress(pieces, compression)
            XCTAssertLessThan(packed.count, original.count / 3, "\(compression)")
            for (step, chunk) in [(1_000_000, 256 * 1024), (13, 4093)] {
                let source = try compression.decoder(over: MemorySource(packed, step: step), name: "t")
                XCTAssertEqual(try readAll(source, chunk: chunk), original, "\(compression) step \(step) chunk \(chunk)")
            }
        }
    }

    func testOneByteReadsDrainTheDecoder() throws {
        let original = sampleLines(300)
        for compression in [Compression.gzip, .zstd] {
            let source = try compression.decoder(over: MemorySource(try compress([original], compression), step: 65_536), name: "t")
            XCTAssertEqual(try readAll(source, chunk: 1), original, "\(compression)")
        }
    }

    func testConcatenatedGzipMembersAndZstdFramesReadAsOneStream() throws {
        for compression in [Compression.gzip, .zstd] {
            let first = try compress([Array("{\"a\": 1}\n".utf8)], compression)
            let second = try compress([Array("{\"b\": 2}\n".utf8)], compression)
            let source = try compression.decoder(over: MemorySource(first + second, step: 3), name: "t")
            XCTAssertEqual(String(decoding: try readAll(source), as: UTF8.self), "{\"a\": 1}\n{\"b\": 2}\n", "\(compression)")
        }
    }

    func testAnEmptyStreamRoundTrips() throws {
        for compression in [Compression.gzip, .zstd] {
            let packed = try compress([], compression)
            XCTAssertFalse(packed.isEmpty)
            XCTAssertEqual(try readAll(try compression.decoder(over: MemorySource(packed), name: "t")), [])
        }
    }

    func testTruncatedDataIsAReadErrorNamingTheInput() throws {
        let original = sampleLines(2_000)
        for compression in [Compression.gzip, .zstd] {
            let packed = try compress([original], compression)
            let source = try compression.decoder(over: MemorySource(Array(packed.prefix(packed.count / 2))), name: "shard.jsonl.\(compression.rawValue)")
            XCTAssertThrowsError(try readAll(source, chunk: 4096)) { error in
                let text = "\(error)"
                XCTAssertTrue(text.hasPrefix("shard.jsonl.\(compression.rawValue): read failed: truncated"), text)
            }
        }
    }

    func testCorruptDataIsAReadError() throws {
        var packed = try compress([sampleLines(500)], .gzip)
        for index in 20..<60 { packed[index] ^= 0x5A }
        let source = try Compression.gzip.decoder(over: MemorySource(packed), name: "bad.gz")
        XCTAssertThrowsError(try readAll(source, chunk: 4096)) { error in
            XCTAssertTrue("\(error)".contains("bad gzip data"), "\(error)")
        }
    }

    func testAnEncoderThatCannotStartIsAWriteError() {
        // zlib refuses level 42; the encoder's deinit then frees what its init allocated, once.
        XCTAssertThrowsError(try GzipEncoder(name: "t.gz", level: 42)) { error in
            XCTAssertEqual((error as? OutputWriteError)?.description, "t.gz: write failed: cannot start the gzip encoder (zlib status -2)")
        }
    }

    func testPlainDataPassesThrough() throws {
        let source = try Compression.none.decoder(over: MemorySource(Array("abc".utf8)), name: "t")
        XCTAssertEqual(try readAll(source), Array("abc".utf8))
    }
}
