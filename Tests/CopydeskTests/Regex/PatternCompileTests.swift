import Copydesk
import XCTest

final class PatternCompileTests: XCTestCase {
    func testCompileErrorHasPCRE2MessageAndOffset() {
        XCTAssertThrowsError(try Pattern("ab(cd")) { error in
            guard let error = error as? PatternError else { return XCTFail("not a PatternError: \(error)") }
            XCTAssertEqual(error.message, "missing closing parenthesis")
            XCTAssertEqual(error.offset, 5)
        }
    }

    func testCompileErrorOffsetCountsCodePointsAfterMultiByteCharacters() {
        // "日本é" is 3 code points but 8 UTF-8 bytes; the bad quantifier follows it.
        XCTAssertThrowsError(try Pattern("日本é(?<n>x)a{3,2}")) { error in
            guard let error = error as? PatternError else { return XCTFail("not a PatternError: \(error)") }
            XCTAssertEqual(error.message, "numbers out of order in {} quantifier")
            XCTAssertEqual(error.offset, 15)
        }
    }

    func testCompileErrorDescriptionNamesMessageAndOffset() {
        let error = PatternError(message: "missing closing parenthesis", offset: 5)
        XCTAssertEqual(error.description, "missing closing parenthesis at offset 5")
    }

    func testSimplePatternIsJITCompiled() throws {
        XCTAssertTrue(try Pattern("sub(scribe|mit)").isJITCompiled)
    }

    func testPatternCanOptOutOfJIT() throws {
        var scratch = MatchScratch()
        let pattern = try Pattern("b+", options: [], jit: false)
        XCTAssertFalse(pattern.isJITCompiled)
        XCTAssertEqual(try pattern.firstMatch(in: "abbbc", scratch: &scratch)?.range, 1..<4)
    }

    func testPatternKeepsSourceAndOptions() throws {
        let pattern = try Pattern("a.b", options: [.dotall, .caseless])
        XCTAssertEqual(pattern.source, "a.b")
        XCTAssertEqual(pattern.options, [.dotall, .caseless])
    }

    func testCaptureCountExcludesWholeMatchAndNonCapturingGroups() throws {
        XCTAssertEqual(try Pattern("(a)(?:b)(?<c>c)").captureCount, 2)
        XCTAssertEqual(try Pattern("abc").captureCount, 0)
    }

    func testGroupNamesComeFromTheNameTable() throws {
        let pattern = try Pattern(#"(?<year>\d{4})-(\d\d)-(?<day>\d\d)"#)
        XCTAssertEqual(pattern.groupNames, ["year": 1, "day": 3])
        XCTAssertEqual(pattern.groupNumber(named: "day"), 3)
        XCTAssertNil(pattern.groupNumber(named: "month"))
    }

    func testDuplicateGroupNamesMapToTheLowestNumber() throws {
        let pattern = try Pattern(#"(?J)(?<n>a)|(?<n>b)"#)
        XCTAssertEqual(pattern.groupNames, ["n": 1])
    }

    func testEmptyPatternCompilesAndMatchesEmpty() throws {
        var scratch = MatchScratch()
        let pattern = try Pattern("")
        XCTAssertEqual(try pattern.firstMatch(in: "abc", scratch: &scratch)?.range, 0..<0)
    }

    func testBackslashCIsRejectedBecauseItCanSplitCharacters() {
        XCTAssertThrowsError(try Pattern(#"a\C"#))
    }
}
