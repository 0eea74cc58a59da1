import XCTest
@testable import Copydesk

final class YAMLKindDescriptionTests: XCTestCase {
    private func describe(_ scalar: String) throws -> String? {
        try parsedYAML("v: \(scalar)\n")["v"]?.kindDescription
    }

    func testCollectionsAndNull() throws {
        XCTAssertEqual(try describe("{a: 1}"), "a mapping")
        XCTAssertEqual(try describe("[1]"), "a sequence")
        XCTAssertEqual(try describe("~"), "null")
    }

    func testNumbersAndBooleansAreShownAsWritten() throws {
        XCTAssertEqual(try describe("3"), "the number 3")
        XCTAssertEqual(try describe("2.50"), "the number 2.50")
        XCTAssertEqual(try describe("TRUE"), "the boolean true")
    }

    func testStringsAreQuotedAndEscaped() throws {
        XCTAssertEqual(try describe("abc"), "the string \"abc\"")
        XCTAssertEqual(try describe("'42'"), "the string \"42\"")
        XCTAssertEqual(try describe("\"say \\\"hi\\\"\\n\""), "the string \"say \\\"hi\\\"\\n\"")
    }

    func testLongStringsAreShortened() throws {
        let long = String(repeating: "abcdefghij", count: 10)
        XCTAssertEqual(try describe(long), "the string \"\(long.prefix(37))...\"")
    }
}
