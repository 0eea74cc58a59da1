import Copydesk
import XCTest

final class CodePointIndexTests: XCTestCase {
    /// Every byte offset of texts around the 64-byte block size, against a plain count.
    func testEveryOffsetMatchesAPlainCount() {
        let pieces = ["a", "é", "—", "한", "😀", " ", "\n"]
        var generator = JSONLineFixture.SeededRandom(seed: 64)
        for length in [0, 1, 63, 64, 65, 127, 128, 129, 300] {
            var text = ""
            while text.utf8.count < length { text += pieces.randomElement(using: &generator)! }
            let bytes = Array(text.utf8)
            let index = CodePointIndex(bytes)
            for offset in 0...bytes.count {
                let expected = bytes.withUnsafeBufferPointer { UTF8Text.codePointCount($0, upTo: offset) }
                XCTAssertEqual(index.codePoint(atByte: offset), expected, "length \(bytes.count), offset \(offset)")
            }
        }
    }

    func testASCIIMapsToItselfAndOffsetsAreClamped() {
        let index = CodePointIndex(Array("plain ascii".utf8))
        XCTAssertEqual(index.codePoints(2..<5), 2..<5)
        XCTAssertEqual(index.codePoint(atByte: -3), 0)
        XCTAssertEqual(index.codePoint(atByte: 500), 11)
    }

    func testRangesConvertBothEnds() {
        let index = CodePointIndex(Array("né à Paris".utf8))
        // "à" is bytes 4..<6, code point 3.
        XCTAssertEqual(index.codePoints(4..<6), 3..<4)
    }
}
