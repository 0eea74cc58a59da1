import Copydesk
import XCTest

final class MatchIterationTests: XCTestCase {
    private var scratch = MatchScratch()

    /// True when every offset is a UTF-8 character boundary of `subject`.
    private func allOnCharacterBoundaries(_ offsets: [Int], in subject: String) -> Bool {
        let bytes = Array(subject.utf8)
        return offsets.allSatisfy { $0 == bytes.count || ($0 < bytes.count && bytes[$0] & 0xC0 != 0x80) }
    }

    func testEmptyMatchesOfStarOverASCIIOccurAtEveryPosition() throws {
        let matches = try Pattern("x*").allMatches(in: "abc", scratch: &scratch)
        XCTAssertEqual(matches.map(\.range), [0..<0, 1..<1, 2..<2, 3..<3])
    }

    func testEmptyMatchAfterNonEmptyMatchFollowsPerl() throws {
        let matches = try Pattern("x*").allMatches(in: "xab", scratch: &scratch)
        XCTAssertEqual(matches.map(\.range), [0..<1, 1..<1, 2..<2, 3..<3])
    }

    func testEmptyMatchesAdvanceByWholeCharacters() throws {
        let matches = try Pattern("x*").allMatches(in: "日本", scratch: &scratch)
        XCTAssertEqual(matches.map(\.range), [0..<0, 3..<3, 6..<6])
    }

    func testWordBoundariesOverMultiByteTextAreCharacterBoundaries() throws {
        let subject = "héllo wörld 日本"
        let ascii = try Pattern(#"\b"#).allMatches(in: subject, scratch: &scratch).map(\.range.lowerBound)
        // Without UCP only ASCII letters are word characters.
        XCTAssertEqual(ascii, [0, 1, 3, 6, 7, 8, 10, 13])
        let unicode = try Pattern(#"\b"#, options: .ucp).allMatches(in: subject, scratch: &scratch)
        XCTAssertEqual(unicode.map(\.range.lowerBound), [0, 6, 7, 13, 14, 20])
        XCTAssertTrue(allOnCharacterBoundaries(ascii + unicode.map(\.range.lowerBound), in: subject))
    }

    func testLookaheadForMultiByteCharacterMatchesEmptyBeforeIt() throws {
        let matches = try Pattern("(?=é)").allMatches(in: "héllo wörld 日本 é", scratch: &scratch)
        XCTAssertEqual(matches.map(\.range), [1..<1, 21..<21])
    }

    func testEmptyPatternOverMultiByteTextMatchesAtEachCharacter() throws {
        let subject = "aé日😀"
        let matches = try Pattern("").allMatches(in: subject, scratch: &scratch)
        XCTAssertEqual(matches.map(\.range.lowerBound), [0, 1, 3, 6, 10])
    }

    func testMatchOffsetsAreUTF8ByteOffsets() throws {
        let subject = "日本語のテキスト"
        let match = try Pattern("テキスト").firstMatch(in: subject, scratch: &scratch)
        XCTAssertEqual(match?.range, 12..<24)
    }

    func testAllMatchesAreNonOverlapping() throws {
        let subject = "Also Read: one. ALSO READ: two. also read: three"
        let matches = try Pattern("also read:", options: .caseless).allMatches(in: subject, scratch: &scratch)
        XCTAssertEqual(matches.map { $0.text(in: subject) }, ["Also Read:", "ALSO READ:", "also read:"])
    }

    func testAllMatchesOverEmptySubject() throws {
        XCTAssertEqual(try Pattern("a").allMatches(in: "", scratch: &scratch), [])
        XCTAssertEqual(try Pattern("a*").allMatches(in: "", scratch: &scratch).map(\.range), [0..<0])
    }

    func testFirstMatchStartsAtGivenByteOffset() throws {
        let match = try Pattern("ö").firstMatch(in: "wörld wörld", from: 3, scratch: &scratch)
        XCTAssertEqual(match?.range, 8..<10)
    }

    func testFirstMatchReturnsNilWhenNothingMatches() throws {
        XCTAssertNil(try Pattern("zz").firstMatch(in: "héllo", scratch: &scratch))
    }

    func testStartInsideMultiByteCharacterIsAnError() {
        XCTAssertThrowsError(try Pattern("l").firstMatch(in: "héllo", from: 2, scratch: &scratch)) { error in
            XCTAssertEqual((error as? MatchError)?.kind, .other)
        }
    }

    func testStartPastTheEndIsAnError() {
        XCTAssertThrowsError(try Pattern("l").firstMatch(in: "abc", from: 4, scratch: &scratch))
    }

    func testUnvalidatedInvalidUTF8IsReportedNotMatched() {
        let invalid: [UInt8] = [0x61, 0xC3, 0x28, 0x62]
        XCTAssertThrowsError(try Pattern("b").allMatches(in: invalid, validated: false, scratch: &scratch)) { error in
            guard let error = error as? MatchError else { return XCTFail("not a MatchError: \(error)") }
            XCTAssertEqual(error.kind, .other)
            XCTAssertFalse(error.message.isEmpty)
        }
    }

    func testMatchesReportsWhetherAnyMatchExists() throws {
        let pattern = try Pattern("wörld")
        XCTAssertTrue(try pattern.matches("héllo wörld", scratch: &scratch))
        XCTAssertFalse(try pattern.matches("héllo world", scratch: &scratch))
        XCTAssertTrue(try pattern.matches(Array("héllo wörld".utf8), scratch: &scratch))
    }

    func testBufferAndStringOverloadsAgree() throws {
        let subject = "one 1, two 22, three 333"
        let pattern = try Pattern(#"\d+"#)
        let fromString = try pattern.allMatches(in: subject, scratch: &scratch)
        let fromArray = try pattern.allMatches(in: Array(subject.utf8), scratch: &scratch)
        let fromBuffer = try Array(subject.utf8).withUnsafeBufferPointer { buffer in
            try pattern.allMatches(in: buffer, scratch: &scratch)
        }
        XCTAssertEqual(fromString, fromArray)
        XCTAssertEqual(fromString, fromBuffer)
        XCTAssertEqual(fromString.map { $0.text(in: subject) }, ["1", "22", "333"])
    }
}
