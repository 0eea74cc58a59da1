import Copydesk
import Foundation
import XCTest

final class JSONStringTests: XCTestCase {
    private typealias Fixture = JSONLineFixture

    private func decode(_ token: String) -> [UInt8] {
        Array(token.utf8).withUnsafeBufferPointer { JSONString.decode($0) }
    }

    private func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        bytes.withUnsafeBufferPointer { JSONString.encode($0, into: &output) }
        return String(decoding: output, as: UTF8.self)
    }

    // MARK: Decoding

    func testPlainTokenDecodesToItsContents() {
        XCTAssertEqual(decode(#""Mumbai, 2 Nov""#), Array("Mumbai, 2 Nov".utf8))
    }

    func testEmptyTokenDecodesToNothing() {
        XCTAssertEqual(decode(#""""#), [])
    }

    func testUnicodeEscapeDecodesToUTF8() {
        XCTAssertEqual(decode(#""caf\u00e9 \u20AC""#), Array("café €".utf8))
    }

    func testSurrogatePairCombinesIntoOneScalar() {
        XCTAssertEqual(decode(#""\ud83d\ude00!""#), Array("😀!".utf8))
    }

    func testShortEscapesDecode() {
        XCTAssertEqual(decode(#""\"\\\/\b\f\n\r\t""#), [0x22, 0x5C, 0x2F, 0x08, 0x0C, 0x0A, 0x0D, 0x09])
    }

    func testEscapedControlCharactersDecode() {
        XCTAssertEqual(decode(#""\u0000\u001f\u007F""#), [0x00, 0x1F, 0x7F])
    }

    func testLoneHighSurrogateBecomesReplacementCharacter() {
        XCTAssertEqual(decode(#""a\ud83db""#), Array("a\u{FFFD}b".utf8))
    }

    func testLoneLowSurrogateBecomesReplacementCharacter() {
        XCTAssertEqual(decode(#""\ude00""#), Array("\u{FFFD}".utf8))
    }

    func testHighSurrogateFollowedByAnotherEscapeKeepsThatEscape() {
        XCTAssertEqual(decode(#""\ud83d\u0041""#), Array("\u{FFFD}A".utf8))
    }

    func testTwoHighSurrogatesThenALowOneYieldReplacementThenPair() {
        XCTAssertEqual(decode(#""\ud83d\ud83d\ude00""#), Array("\u{FFFD}😀".utf8))
    }

    func testRawNonASCIIIsCopied() {
        XCTAssertEqual(decode(#""नमस्ते 😀""#), Array("नमस्ते 😀".utf8))
    }

    func testDecodeStringMatchesDecodedBytes() {
        let token = Array(#""a\nb \u00e9""#.utf8)
        XCTAssertEqual(token.withUnsafeBufferPointer { JSONString.decodeString($0) }, "a\nb é")
    }

    func testDecodeIntoAppendsToExistingBytes() {
        var output = Array("x=".utf8)
        Array(#""1\t2""#.utf8).withUnsafeBufferPointer { JSONString.decode($0, into: &output) }
        XCTAssertEqual(output, Array("x=1\t2".utf8))
    }

    func testMalformedEscapeInAnUnvalidatedTokenIsCopiedWithoutTrapping() {
        XCTAssertEqual(decode(#""a\x\u12""#), Array(#"a\x\u12"#.utf8))
    }

    // MARK: Encoding

    func testQuoteAndBackslashAreEscaped() {
        XCTAssertEqual(encode(Array(#"say "hi" \ bye"#.utf8)), #""say \"hi\" \\ bye""#)
    }

    func testNamedControlCharactersUseShortEscapes() {
        XCTAssertEqual(encode([0x08, 0x0C, 0x0A, 0x0D, 0x09]), #""\b\f\n\r\t""#)
    }

    func testOtherControlCharactersUseLowercaseUnicodeEscapes() {
        XCTAssertEqual(encode([0x00, 0x01, 0x1B, 0x1F]), #""\u0000\u0001\u001b\u001f""#)
    }

    func testSlashDeleteAndNonASCIIAreCopiedRaw() {
        XCTAssertEqual(encode(Array("a/b\u{7F}é😀".utf8)), "\"a/b\u{7F}é😀\"")
    }

    func testEncodeOfAStringAppendsToExistingBytes() {
        var output = Array("[".utf8)
        JSONString.encode("line\none", into: &output)
        XCTAssertEqual(String(decoding: output, as: UTF8.self), #"["line\none""#)
    }

    func testEscapesRoundTripThroughEncodeAndDecode() {
        let original = Array("\"quoted\"\\ / \u{0}\u{1}\u{8}\u{C}\n\r\t\u{1F} é 😀 ".utf8)
        let token = Array(encode(original).utf8)
        XCTAssertEqual(token.withUnsafeBufferPointer { JSONString.decode($0) }, original)
    }

    // MARK: Agreement with Foundation

    /// Random scalars weighted towards the characters that need care.
    private func randomString(using random: inout Fixture.SeededRandom) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...64, using: &random) {
            let value: UInt32
            switch Int.random(in: 0..<10, using: &random) {
            case 0: value = UInt32.random(in: 0..<0x20, using: &random)
            case 1: value = [0x22, 0x5C, 0x2F, 0x7F].randomElement(using: &random)!
            case 2, 3, 4: value = UInt32.random(in: 0x20..<0x7F, using: &random)
            case 5: value = UInt32.random(in: 0x80..<0x800, using: &random)
            case 6, 7: value = UInt32.random(in: 0x800..<0xD800, using: &random)
            case 8: value = UInt32.random(in: 0xE000..<0x10000, using: &random)
            default: value = UInt32.random(in: 0x10000...0x10FFFF, using: &random)
            }
            scalars.append(Unicode.Scalar(value)!)
        }
        return String(scalars)
    }

    func testEncodedRandomStringsAreReadBackByFoundation() throws {
        var random = Fixture.SeededRandom(seed: 2024)
        for _ in 0..<2_000 {
            let original = randomString(using: &random)
            var line = Array(#"{"s":"#.utf8)
            JSONString.encode(original, into: &line)
            line.append(UInt8(ascii: "}"))
            let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line)) as? [String: String])
            XCTAssertEqual(object["s"].map { Array($0.unicodeScalars) }, Array(original.unicodeScalars))
        }
    }

    func testRandomStringsWrittenByFoundationDecodeToTheOriginalBytes() throws {
        var random = Fixture.SeededRandom(seed: 99)
        for _ in 0..<2_000 {
            let original = randomString(using: &random)
            let line = [UInt8](try JSONSerialization.data(withJSONObject: ["s": original]))
            XCTAssertEqual(try Fixture.decodedMember("s", of: line).utf8.elementsEqual(original.utf8), true)
        }
    }

    func testRandomStringsRoundTripThroughEncodeParseAndDecode() throws {
        var random = Fixture.SeededRandom(seed: 31337)
        for _ in 0..<2_000 {
            let original = randomString(using: &random)
            var line = Array(#"{"s":"#.utf8)
            JSONString.encode(original, into: &line)
            line.append(UInt8(ascii: "}"))
            XCTAssertEqual(try Fixture.decodedMember("s", of: line).utf8.elementsEqual(original.utf8), true)
        }
    }
}
