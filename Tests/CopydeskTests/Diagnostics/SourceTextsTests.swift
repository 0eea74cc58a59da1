import XCTest
@testable import Copydesk

final class SourceTextsTests: XCTestCase {
    private func render(_ text: String, line: Int, column: Int) -> String {
        var texts = SourceTexts()
        texts.add(file: "r.yaml", text: text)
        return texts.render(Diagnostic(.error, "bad", at: SourceMark(file: "r.yaml", line: line, column: column)))
    }

    func testRenderShowsTheLineAndACaretUnderTheColumn() {
        XCTAssertEqual(
            render("rules:\n  - action: strp\n", line: 2, column: 13),
            "r.yaml:2:13: error: bad\n  - action: strp\n            ^"
        )
    }

    func testTabsBeforeTheColumnAreCopiedIntoTheCaretLine() {
        XCTAssertEqual(render("a:\n\tx: \tvalue\n", line: 2, column: 6), "r.yaml:2:6: error: bad\n\tx: \tvalue\n\t   \t^")
    }

    func testNonASCIICharactersBeforeTheColumnTakeOneSpaceEach() {
        XCTAssertEqual(render("tïtlé: ☃ x\n", line: 1, column: 10), "r.yaml:1:10: error: bad\ntïtlé: ☃ x\n         ^")
    }

    func testWideCharactersTakeTwoSpacesAndCombiningMarksNone() {
        XCTAssertEqual(render("日本: e\u{301}x\n", line: 1, column: 7), "r.yaml:1:7: error: bad\n日本: e\u{301}x\n       ^")
    }

    func testColumnPastTheEndOfTheLineStillGetsACaret() {
        XCTAssertEqual(render("ab\n", line: 1, column: 4), "r.yaml:1:4: error: bad\nab\n   ^")
    }

    func testCRLFLineBreaksAreNotPartOfTheLine() {
        XCTAssertEqual(render("a: 1\r\nb: 2\r\n", line: 2, column: 4), "r.yaml:2:4: error: bad\nb: 2\n   ^")
    }

    func testUnknownFileOrMissingMarkGivesJustTheDescription() {
        var texts = SourceTexts()
        texts.add(file: "r.yaml", text: "a: 1\n")
        let elsewhere = Diagnostic(.error, "bad", at: SourceMark(file: "other.yaml", line: 1, column: 1))
        XCTAssertEqual(texts.render(elsewhere), "other.yaml:1:1: error: bad")
        XCTAssertEqual(texts.render(Diagnostic(.error, "bad", at: nil)), "error: bad")
        let pastEnd = Diagnostic(.error, "bad", at: SourceMark(file: "r.yaml", line: 9, column: 1))
        XCTAssertEqual(texts.render(pastEnd), "r.yaml:9:1: error: bad")
    }

    func testRenderingAListRendersEachDiagnostic() {
        var texts = SourceTexts()
        texts.add(file: "r.yaml", text: "a: 1\nb: 2\n")
        let list = DiagnosticList([
            Diagnostic(.error, "one", at: SourceMark(file: "r.yaml", line: 1, column: 4)),
            Diagnostic(.note, "two", at: nil),
        ])
        XCTAssertEqual(texts.render(list), "r.yaml:1:4: error: one\na: 1\n   ^\nnote: two")
    }

    func testParserMarksPointAtTheRightLineAndColumn() throws {
        let text = "\u{FEFF}# ünïcode\u{2028}id: ok\ntïtle: é: x\n"
        var texts = SourceTexts()
        texts.add(file: "p.yaml", text: text)
        XCTAssertThrowsError(try YAMLParser.parse(text, file: "p.yaml")) { error in
            guard let list = error as? DiagnosticList else { return XCTFail("not a DiagnosticList") }
            XCTAssertEqual(
                texts.render(list),
                "p.yaml:3:9: error: mapping values are not allowed in this context\ntïtle: é: x\n        ^"
            )
        }
    }
}
