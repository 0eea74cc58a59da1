import Copydesk
import XCTest

final class RegexOptionsTests: XCTestCase {
    private var scratch = MatchScratch()

    private func matches(_ source: String, _ options: RegexOptions, _ subject: String) throws -> Bool {
        try Pattern(source, options: options).matches(subject, scratch: &scratch)
    }

    func testCaselessMatchesEitherCaseIncludingNonASCII() throws {
        XCTAssertFalse(try matches("also read", [], "ALSO READ: more"))
        XCTAssertTrue(try matches("also read", .caseless, "ALSO READ: more"))
        XCTAssertTrue(try matches("éCOLE", .caseless, "École"))
    }

    func testMultilineAnchorsAtInternalLines() throws {
        XCTAssertFalse(try matches("^Advertisement$", [], "Intro\nAdvertisement\nBody"))
        XCTAssertTrue(try matches("^Advertisement$", .multiline, "Intro\nAdvertisement\nBody"))
    }

    func testDotallLetsDotMatchNewline() throws {
        XCTAssertFalse(try matches("Begin.End", [], "Begin\nEnd"))
        XCTAssertTrue(try matches("Begin.End", .dotall, "Begin\nEnd"))
    }

    func testExtendedIgnoresWhitespaceAndComments() throws {
        let source = "read \\s more  # teaser link"
        XCTAssertFalse(try matches(source, [], "read more"))
        XCTAssertTrue(try matches(source, .extended, "read more"))
    }

    func testUCPMakesWordClassesUnicodeAware() throws {
        XCTAssertFalse(try matches(#"^\w+$"#, [], "wörld"))
        XCTAssertTrue(try matches(#"^\w+$"#, .ucp, "wörld"))
    }

    func testUTFIsAlwaysOnSoDotMatchesOneCharacter() throws {
        var scratch = MatchScratch()
        let match = try Pattern("^.$").firstMatch(in: "日", scratch: &scratch)
        XCTAssertEqual(match?.range, 0..<3)
    }

    func testFlagNamesRoundTrip() {
        XCTAssertEqual(RegexOptions.flagNames, ["caseless", "multiline", "dotall", "extended", "ucp"])
        for name in RegexOptions.flagNames {
            XCTAssertEqual(RegexOptions(flagName: name)?.flagNameList, [name])
        }
        XCTAssertEqual(RegexOptions(flagName: "dotall"), .dotall)
    }

    func testUnknownFlagNameIsNil() {
        XCTAssertNil(RegexOptions(flagName: "utf"))
        XCTAssertNil(RegexOptions(flagName: "Caseless"))
    }
}
