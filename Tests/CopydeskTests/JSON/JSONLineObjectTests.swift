import Copydesk
import XCTest

final class JSONLineObjectTests: XCTestCase {
    private typealias Fixture = JSONLineFixture

    func testMembersKeepLineOrderWithRawKeyAndValueRanges() throws {
        let line = #"{ "id" : "x1" , "n":42,"obj":{"k":[1,2]},"t":true,"z":null,"s":"a\"b" }"#
        let object = try Fixture.parse(line)
        XCTAssertEqual(object.members.map(\.key), ["id", "n", "obj", "t", "z", "s"])
        XCTAssertEqual(object.members.map { Fixture.slice(line, $0.keyRange) }, [#""id""#, #""n""#, #""obj""#, #""t""#, #""z""#, #""s""#])
        XCTAssertEqual(
            object.members.map { Fixture.slice(line, $0.valueRange) },
            [#""x1""#, "42", #"{"k":[1,2]}"#, "true", "null", #""a\"b""#])
        XCTAssertEqual(object.members.map(\.isString), [true, false, false, false, false, true])
    }

    func testBraceOffsetsSkipSurroundingWhitespaceAndTrailingCarriageReturn() throws {
        let line = " \t{\"a\":1} \r"
        let object = try Fixture.parse(line)
        XCTAssertEqual(object.openingBrace, 2)
        XCTAssertEqual(object.closingBrace, 8)
    }

    func testEmptyObjectHasNoMembers() throws {
        let object = try Fixture.parse("{ }")
        XCTAssertTrue(object.members.isEmpty)
        XCTAssertEqual(object.openingBrace, 0)
        XCTAssertEqual(object.closingBrace, 2)
    }

    func testDuplicateKeysAreAllKeptAndLookupFindsTheFirst() throws {
        let line = #"{"a":1,"b":2,"a":3}"#
        let object = try Fixture.parse(line)
        XCTAssertEqual(object.members.map(\.key), ["a", "b", "a"])
        let first = try XCTUnwrap(object.member(named: "a"))
        XCTAssertEqual(Fixture.slice(line, first.valueRange), "1")
    }

    func testLookupOfAMissingKeyReturnsNil() throws {
        XCTAssertNil(try Fixture.parse(#"{"a":1}"#).member(named: "b"))
    }

    func testEscapedKeysAreDecoded() throws {
        let object = try Fixture.parse(#"{"caf\u00e9":1,"a\"b":2,"":3}"#)
        XCTAssertEqual(object.members.map(\.key), ["café", "a\"b", ""])
    }

    func testOddNumbersAreAcceptedAndLeftUntouched() throws {
        let numbers = ["-0", "1e400", "1.0E+2", "12345678901234567890", "0.5e-3", "-0.0", "0", "1E5", "-123.456e+78"]
        let line = "{" + numbers.enumerated().map { "\"n\($0.offset)\":\($0.element)" }.joined(separator: ",") + "}"
        let object = try Fixture.parse(line)
        XCTAssertEqual(object.members.map { Fixture.slice(line, $0.valueRange) }, numbers)
    }

    func testNestedArraysAndObjectsAreValidatedAsOneValue() throws {
        let line = #"{"a":[[],{},[{"b":[1,"x",{"c":null}]}]],"d":{"e":{"f":[true,false]}}}"#
        let object = try Fixture.parse(line)
        XCTAssertEqual(object.members.map(\.key), ["a", "d"])
        XCTAssertEqual(Fixture.slice(line, object.members[0].valueRange), #"[[],{},[{"b":[1,"x",{"c":null}]}]]"#)
        XCTAssertEqual(Fixture.slice(line, object.members[1].valueRange), #"{"e":{"f":[true,false]}}"#)
    }

    func testNestingUpToDepth512IsAccepted() throws {
        let line = #"{"a":"# + String(repeating: "[", count: 511) + String(repeating: "]", count: 511) + "}"
        XCTAssertEqual(try Fixture.parse(line).members.count, 1)
    }

    func testNestingBeyondDepth512IsRejectedAtTheOpeningBracket() {
        let line = #"{"a":"# + String(repeating: "[", count: 512) + String(repeating: "]", count: 512) + "}"
        Fixture.assertRejects(line, at: 5 + 511, saying: "nesting too deep")
    }

    func testNestedObjectsCountTowardsTheDepthLimit() {
        let line = String(repeating: #"{"a":"#, count: 513) + "1" + String(repeating: "}", count: 513)
        Fixture.assertRejects(line, at: 5 * 512, saying: "nesting too deep")
    }

    func testWhitespaceInsideTheObjectIsAllowedEverywhere() throws {
        let line = "{\n\t\"a\" :\r\n [ 1 , { \"b\" : 2 } ] ,\"c\":\"d\"\n}"
        XCTAssertEqual(try Fixture.parse(line).members.map(\.key), ["a", "c"])
    }

    func testNonASCIITextInKeysAndValuesIsAccepted() throws {
        let line = #"{"नाम":"दिल्ली 😀 café","€":"₹"}"#
        let object = try Fixture.parse(line)
        XCTAssertEqual(object.members.map(\.key), ["नाम", "€"])
        XCTAssertEqual(try Fixture.decodedMember("नाम", of: Fixture.bytes(line)), "दिल्ली 😀 café")
    }

    func testAllEscapeKindsAreAcceptedInStrings() throws {
        let line = #"{"a":"\"\\\/\b\f\n\r\t\u0000\uABCD\ud83d\ude00"}"#
        XCTAssertEqual(try Fixture.parse(line).members.count, 1)
    }

    func testLongStringsCrossingWordBoundariesAreScanned() throws {
        for length in 0..<40 {
            let value = String(repeating: "x", count: length) + "é" + String(repeating: "y", count: length % 9)
            let line = #"{"k":""# + value + #""}"#
            XCTAssertEqual(try Fixture.decodedMember("k", of: Fixture.bytes(line)), value)
        }
    }

    func testQuotesAndEscapesAreFoundAtEveryPositionOfALongString() throws {
        for position in 0..<24 {
            let head = String(repeating: "h", count: position)
            let tail = String(repeating: "t", count: 23 - position)
            let line = #"{"k":""# + head + #"\"\\\n"# + tail + #"","after":1}"#
            let object = try Fixture.parse(line)
            XCTAssertEqual(object.members.map(\.key), ["k", "after"])
            XCTAssertEqual(try Fixture.decodedMember("k", of: Fixture.bytes(line)), head + "\"\\\n" + tail)
        }
    }

    func testRandomlyMutatedLinesNeverTrapAndReportOffsetsWithinTheLine() {
        var random = Fixture.SeededRandom(seed: 7)
        let seedLine = Fixture.bytes(#"{"id":"a1","n":-1.5e3,"x":[true,false,null,{"é":"\u00e9\n"}],"t":"ok 😀"}"#)
        let alphabet = Fixture.bytes(#"{}[]:,"\ u0123456789eE.+-tfnrl aé"#) + [0x00, 0x0A, 0x80, 0xBF, 0xC0, 0xE2, 0xED, 0xF0, 0xF4, 0xFF]
        var rejected = 0
        for _ in 0..<20_000 {
            var line = seedLine
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let position = Int.random(in: 0..<line.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: line[position] = alphabet.randomElement(using: &random)!
                case 1: line.remove(at: position)
                default: line.insert(alphabet.randomElement(using: &random)!, at: position)
                }
                if line.isEmpty { line = [0x7B] }
            }
            do {
                _ = try JSONLineObject.parse(line)
            } catch {
                rejected += 1
                XCTAssertTrue((0...line.count).contains(error.byteOffset), "\(error) for \(line)")
            }
        }
        XCTAssertGreaterThan(rejected, 10_000)
    }
}
