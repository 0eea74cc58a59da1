import XCTest
@testable import Copydesk

final class WhitespaceStageTests: XCTestCase {
    private func clean(_ text: String, _ configure: (inout WhitespaceStage.Options) -> Void = { _ in }) -> String {
        var options = WhitespaceStage.Options()
        configure(&options)
        let pipeline = Pipeline(stages: [WhitespaceStage(id: "ws", options: options)], file: "test")
        return process(text, through: pipeline).string("text") ?? ""
    }

    func testTrimsTrailingSpacesAndCollapsesInnerRuns() {
        XCTAssertEqual(clean("a  b\t c   \nd"), "a b c\nd")
    }

    func testRunsOfBlankLinesBecomeOne() {
        XCTAssertEqual(clean("a\n\n\n\nb\n \n\t\nc"), "a\n\nb\n\nc")
    }

    func testLeadingAndTrailingBlankLinesGo() {
        XCTAssertEqual(clean("\n\n  \n a\nb\n\n\n"), "a\nb")
    }

    func testCRLFBecomesLF() {
        XCTAssertEqual(clean("a\r\n\r\n\r\nb\rc"), "a\n\nb\nc")
    }

    func testMaxBlankLinesCanBeRaisedOrOff() {
        XCTAssertEqual(clean("a\n\n\n\nb") { $0.maxBlankLines = 2 }, "a\n\n\nb")
        XCTAssertEqual(clean("a\n\n\n\nb") { $0.maxBlankLines = nil }, "a\n\n\n\nb")
    }

    func testEachStepCanBeTurnedOff() {
        XCTAssertEqual(clean("  a  b  ") { $0.collapseSpaces = false; $0.trimLeadingSpaces = false }, "  a  b")
        XCTAssertEqual(clean("\n\na\n\n") { $0.trim = false }, "\na\n\n")
    }

    func testAllBlankTextBecomesEmpty() {
        XCTAssertEqual(clean(" \n\t\n"), "")
    }

    func testCleanTextIsLeftUnchanged() {
        let pipeline = Pipeline(stages: [WhitespaceStage(id: "ws")], file: "test")
        let doc = process("One line.\n\nAnother line.", through: pipeline)
        XCTAssertTrue(doc.changedFields.isEmpty)
    }

    func testConfigOptionsAreRead() throws {
        let pipeline = try makePipeline("""
            stages:
              - stage: whitespace
                max_blank_lines: 0
                collapse_spaces: false
            """)
        let stage = try XCTUnwrap(pipeline.stages.first as? WhitespaceStage)
        XCTAssertEqual(stage.options.maxBlankLines, 0)
        XCTAssertFalse(stage.options.collapseSpaces)
    }
}
