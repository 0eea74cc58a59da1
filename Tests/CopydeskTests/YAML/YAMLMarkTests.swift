import XCTest
@testable import Copydesk

final class YAMLMarkTests: XCTestCase {
    private let pipeline = """
        version: 1
        stages:
          - stage: regex
            id: metadata
            include: [boilerplate/metadata.yaml, extra.yaml]
          - stage: whitespace
        """

    func testRootMappingStartsAtLineOneColumnOne() throws {
        XCTAssertEqual(try parsedYAML(pipeline).mark, yamlMark(1, 1))
    }

    func testNestedScalarValueHasItsLineAndColumn() throws {
        let root = try parsedYAML(pipeline)
        XCTAssertEqual(root["stages"]?.sequence?[0]["id"]?.mark, yamlMark(4, 9))
        XCTAssertEqual(root["stages"]?.sequence?[1]["stage"]?.mark, yamlMark(6, 12))
    }

    func testKeysHaveTheirOwnMarks() throws {
        let stage = try XCTUnwrap(parsedYAML(pipeline)["stages"]?.sequence?[0].mapping)
        XCTAssertEqual(stage.map(\.key.mark), [yamlMark(3, 5), yamlMark(4, 5), yamlMark(5, 5)])
    }

    func testSequenceItemsHaveTheirMarks() throws {
        let root = try parsedYAML(pipeline)
        XCTAssertEqual(root["stages"]?.sequence?.map(\.mark), [yamlMark(3, 5), yamlMark(6, 5)])
        let include = root["stages"]?.sequence?[0]["include"]?.sequence
        XCTAssertEqual(include?.map(\.mark), [yamlMark(5, 15), yamlMark(5, 42)])
    }

    func testColumnsCountUnicodeScalarsNotBytes() throws {
        let root = try parsedYAML("title: \"Ünïcödé ☃\"\nkeys: [é, 日本, x]\n")
        XCTAssertEqual(root["keys"]?.sequence?.map(\.mark), [yamlMark(2, 8), yamlMark(2, 11), yamlMark(2, 15)])
    }

    func testMarkCarriesTheFileName() throws {
        let root = try YAMLParser.parse("a: 1", file: "Rules/clean.yaml")
        XCTAssertEqual(root["a"]?.mark.description, "Rules/clean.yaml:1:4")
    }

    func testByteOrderMarkIsNotCountedAsAColumn() throws {
        let root = try parsedYAML("\u{FEFF}id: x\n")
        XCTAssertEqual(root["id"]?.mark, yamlMark(1, 5))
    }

    func testLineSeparatorCountsAsALineBreakLikeLibyaml() throws {
        let root = try parsedYAML("a: 1 # note\u{2028}b: 2\n")
        XCTAssertEqual(root["b"]?.mark, yamlMark(2, 4))
    }
}
