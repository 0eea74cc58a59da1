import XCTest
@testable import Copydesk

final class YAMLAnchorTests: XCTestCase {
    func testAliasCopiesTheAnchoredScalar() throws {
        let root = try parsedYAML("first: &name metadata\nsecond: *name\n")
        XCTAssertEqual(root["second"]?.string, "metadata")
    }

    func testAliasCopiesTheAnchoredMappingWithItsMarks() throws {
        let root = try parsedYAML("base: &flags\n  flags: [caseless]\ncopy: *flags\n")
        let copy = try XCTUnwrap(root["copy"])
        XCTAssertEqual(copy["flags"]?.sequence?.first?.string, "caseless")
        XCTAssertEqual(copy["flags"]?.mark, yamlMark(2, 10))
    }

    func testAliasRefersToTheLatestAnchorOfThatName() throws {
        let root = try parsedYAML("a: &x one\nb: &x two\nc: *x\n")
        XCTAssertEqual(root["c"]?.string, "two")
    }

    func testUndefinedAliasIsAnErrorAtTheAlias() {
        let diagnostics = yamlDiagnostics("a: 1\nb: *missing\n")
        XCTAssertEqual(diagnostics.map(\.description), ["test.yaml:2:4: error: undefined alias \"missing\""])
    }

    func testAliasInsideItsOwnAnchorIsUndefined() {
        let diagnostics = yamlDiagnostics("a: &loop [1, *loop]\n")
        XCTAssertEqual(diagnostics.map(\.message), ["undefined alias \"loop\""])
    }

    func testAliasBombIsAnError() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let items = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(items)]\n"
        }
        let diagnostics = yamlDiagnostics(text)
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertEqual(diagnostics.first?.message, "aliases expand to more than 1000000 nodes (an alias bomb?)")
        XCTAssertEqual(diagnostics.first?.mark?.line, 6)
    }
}
