import Copydesk
import XCTest

final class ReplacementTemplateTests: XCTestCase {
    private var scratch = MatchScratch()

    private func replace(_ source: String, _ template: String, in subject: String) throws -> String {
        let pattern = try Pattern(source)
        return try pattern.replacingMatches(in: subject, with: ReplacementTemplate(template, for: pattern), scratch: &scratch)
    }

    func testNumberedReferenceExpandsGroup() throws {
        XCTAssertEqual(try replace(#"(\w+)@(\w+)"#, "$2 at $1", in: "mail asha@example now"), "mail example at asha now")
    }

    func testBracedNumberSeparatesGroupFromFollowingDigits() throws {
        XCTAssertEqual(try replace("(a)", "${1}2", in: "xax"), "xa2x")
    }

    func testNamedReferenceExpandsGroup() throws {
        XCTAssertEqual(try replace(#"(?<word>w\S+)"#, "[${word}]", in: "héllo wörld"), "héllo [wörld]")
        XCTAssertEqual(try replace(#"(?<word>w\w+)"#, "<$word>", in: "a wall"), "a <wall>")
    }

    func testDoubleDollarIsALiteralDollar() throws {
        XCTAssertEqual(try replace(#"(\d+) USD"#, "$$$1", in: "costs 40 USD"), "costs $40")
    }

    func testWholeMatchIsGroupZero() throws {
        XCTAssertEqual(try replace("ö", "<$0>", in: "wörld"), "w<ö>rld")
    }

    func testUnsetGroupExpandsToNothing() throws {
        XCTAssertEqual(try replace("(a)|(b)", "[$1$2]", in: "ab"), "[a][b]")
    }

    func testUnknownGroupNameIsAnErrorAtTheDollar() throws {
        let pattern = try Pattern("(?<name>a)")
        XCTAssertThrowsError(try ReplacementTemplate("日本 ${nmae}", for: pattern)) { error in
            guard let error = error as? PatternError else { return XCTFail("not a PatternError: \(error)") }
            XCTAssertEqual(error.offset, 3)
            XCTAssertTrue(error.message.contains("nmae"), error.message)
        }
    }

    func testGroupNumberAboveCaptureCountIsAnError() throws {
        let pattern = try Pattern("(a)(b)")
        XCTAssertThrowsError(try ReplacementTemplate("x$3", for: pattern)) { error in
            XCTAssertEqual((error as? PatternError)?.offset, 1)
        }
    }

    func testStrayDollarIsAnError() throws {
        let pattern = try Pattern("a")
        XCTAssertThrowsError(try ReplacementTemplate("cost: $", for: pattern))
        XCTAssertThrowsError(try ReplacementTemplate("$-", for: pattern))
        XCTAssertThrowsError(try ReplacementTemplate("${0", for: pattern))
    }

    func testReferencedGroupsAreDistinctAndAscending() throws {
        let pattern = try Pattern("(?<a>x)(y)(z)")
        XCTAssertEqual(try ReplacementTemplate("$3 ${a} $1 $$ ${3}", for: pattern).referencedGroups, [1, 3])
        XCTAssertEqual(try ReplacementTemplate("plain", for: pattern).referencedGroups, [])
    }

    func testExpandAppendsToOutput() throws {
        let pattern = try Pattern(#"(\d+)"#)
        let template = try ReplacementTemplate("#$1", for: pattern)
        let subject = Array("page 42".utf8)
        let match = try XCTUnwrap(try pattern.firstMatch(in: subject, scratch: &scratch))
        var output = Array("see ".utf8)
        template.expand(match, in: subject, into: &output)
        XCTAssertEqual(String(decoding: output, as: UTF8.self), "see #42")
    }

    func testReplacingWithNoMatchLeavesSubjectUnchanged() throws {
        XCTAssertEqual(try replace("zz", "y", in: "héllo"), "héllo")
    }

    func testReplacingEmptyMatchesInsertsBetweenCharacters() throws {
        XCTAssertEqual(try replace("", "-", in: "日本"), "-日-本-")
    }
}
