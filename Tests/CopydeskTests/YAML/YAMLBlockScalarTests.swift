import XCTest
@testable import Copydesk

final class YAMLBlockScalarTests: XCTestCase {
    func testLiteralScalarKeepsLineBreaks() throws {
        let node = try XCTUnwrap(parsedYAML("pattern: |\n  ^Also Read\n  (?:.+\\n?)+\nnext: 1\n")["pattern"])
        XCTAssertEqual(node.scalar, YAMLScalar(value: "^Also Read\n(?:.+\\n?)+\n", style: .literal))
        XCTAssertEqual(node.mark, yamlMark(1, 10))
    }

    func testFoldedScalarJoinsLinesWithSpaces() throws {
        let node = try XCTUnwrap(parsedYAML("description: >\n  Strips the\n  teaser block.\n")["description"])
        XCTAssertEqual(node.scalar, YAMLScalar(value: "Strips the teaser block.\n", style: .folded))
    }

    func testStripChompingDropsTheFinalLineBreak() throws {
        XCTAssertEqual(try parsedYAML("a: |-\n  text\n")["a"]?.string, "text")
    }

    func testBlockScalarThatLooksLikeANumberIsAString() throws {
        let node = try XCTUnwrap(parsedYAML("a: |-\n  123\n")["a"])
        XCTAssertNil(node.int)
        XCTAssertEqual(node.kindDescription, "the string \"123\"")
    }
}
