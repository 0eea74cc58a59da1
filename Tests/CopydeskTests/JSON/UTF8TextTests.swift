import Copydesk
import XCTest

final class UTF8TextTests: XCTestCase {
    private func firstInvalid(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { UTF8Text.firstInvalidByte(in: $0) }
    }

    private func codePoints(_ text: String, upTo offset: Int) -> Int {
        Array(text.utf8).withUnsafeBufferPointer { UTF8Text.codePointCount($0, upTo: offset) }
    }

    private func column(_ offset: Int, _ text: String) -> Int {
        Array(text.utf8).withUnsafeBufferPointer { UTF8Text.column(of: offset, in: $0) }
    }

    /// Byte offset of the first invalid sequence according to the standard library's decoder.
    private func referenceFirstInvalid(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    // MARK: Validation

    func testValidMixedTextHasNoInvalidByte() {
        XCTAssertNil(firstInvalid(Array("plain ASCII, café, ₹42, नमस्ते, 😀 and more ASCII after".utf8)))
    }

    func testEmptyBufferIsValid() {
        XCTAssertNil(firstInvalid([]))
    }

    func testStrayContinuationByteIsInvalidAtItsOffset() {
        XCTAssertEqual(firstInvalid([0x61, 0x62, 0x80, 0x63]), 2)
    }

    func testOverlongTwoByteEncodingIsInvalid() {
        XCTAssertEqual(firstInvalid([0x61, 0xC1, 0xBF]), 1)
    }

    func testOverlongThreeByteEncodingIsInvalid() {
        XCTAssertEqual(firstInvalid([0xE0, 0x9F, 0xBF]), 0)
    }

    func testOverlongFourByteEncodingIsInvalid() {
        XCTAssertEqual(firstInvalid([0xF0, 0x8F, 0xBF, 0xBF]), 0)
    }

    func testEncodedSurrogateIsInvalid() {
        XCTAssertEqual(firstInvalid([0x41, 0xED, 0xA0, 0x80]), 1)
    }

    func testCodePointAboveU10FFFFIsInvalid() {
        XCTAssertEqual(firstInvalid([0xF4, 0x90, 0x80, 0x80]), 0)
    }

    func testLeadBytesF5AndAboveAreInvalid() {
        XCTAssertEqual(firstInvalid([0x41, 0xF5, 0x80, 0x80, 0x80]), 1)
    }

    func testSequenceTruncatedByTheEndIsInvalidAtItsLeadByte() {
        XCTAssertEqual(firstInvalid(Array("ok ".utf8) + [0xE2, 0x82]), 3)
    }

    func testInvalidByteAfterALongASCIIRunIsFoundAtItsOffset() {
        XCTAssertEqual(firstInvalid(Array(String(repeating: "a", count: 100).utf8) + [0xFF]), 100)
    }

    func testLargestValidCodePointsAtEachLengthAreValid() {
        XCTAssertNil(firstInvalid([0x7F, 0xDF, 0xBF, 0xED, 0x9F, 0xBF, 0xEF, 0xBF, 0xBF, 0xF4, 0x8F, 0xBF, 0xBF]))
    }

    func testRandomByteSoupsAgreeWithTheStandardLibraryDecoder() {
        var random = JSONLineFixture.SeededRandom(seed: 5)
        let interesting: [UInt8] = [0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]
        for _ in 0..<20_000 {
            let bytes = (0..<Int.random(in: 0...24, using: &random)).map { _ in
                Bool.random(using: &random) ? interesting.randomElement(using: &random)! : UInt8.random(in: 0...255, using: &random)
            }
            XCTAssertEqual(firstInvalid(bytes), referenceFirstInvalid(bytes), "\(bytes)")
        }
    }

    // MARK: Code-point offsets

    func testCodePointCountCountsScalarsNotBytes() {
        let text = "héllo wörld 😀 नमस्ते and a long ASCII tail"
        let bytes = Array(text.utf8)
        var scalarsSoFar = 0
        var byteOffset = 0
        for scalar in text.unicodeScalars {
            XCTAssertEqual(codePoints(text, upTo: byteOffset), scalarsSoFar)
            byteOffset += String(scalar).utf8.count
            scalarsSoFar += 1
        }
        XCTAssertEqual(codePoints(text, upTo: bytes.count), text.unicodeScalars.count)
    }

    func testCodePointCountClampsOffsetsOutsideTheBuffer() {
        XCTAssertEqual(codePoints("é", upTo: 99), 1)
        XCTAssertEqual(codePoints("é", upTo: -1), 0)
    }

    func testColumnIsOneBasedAndCountsScalarsFromTheLineStart() {
        let text = "first line\nसमाचार: x"
        let offsetOfX = Array(text.utf8).lastIndex(of: UInt8(ascii: "x"))!
        XCTAssertEqual(column(offsetOfX, text), 9)
    }

    func testColumnOnTheFirstLineCountsFromTheStart() {
        XCTAssertEqual(column(0, "abc"), 1)
        XCTAssertEqual(column(5, "é€c"), 3)
    }
}
