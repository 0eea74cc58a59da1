import XCTest
@testable import Copydesk

final class YAMLDuplicateKeyTests: XCTestCase {
    func testDuplicateKeyIsAnErrorAtTheSecondKey() {
        let diagnostics = yamlDiagnostics("rules:\n  - pattern: x\n    id: one\n    action: strip\n    id: two\n")
        XCTAssertEqual(
            diagnostics.map(\.description),
            ["test.yaml:5:5: error: duplicate key \"id\" (first defined at line 3)"]
        )
    }

    func testAllDuplicateKeysInTheDocumentAreReportedTogether() {
        let diagnostics = yamlDiagnostics("""
            version: 1
            stages:
              - stage: regex
                stage: whitespace
              - {id: a, id: b}
            version: 2
            """)
        XCTAssertEqual(diagnostics.map(\.mark), [yamlMark(4, 5), yamlMark(5, 13), yamlMark(6, 1)])
        XCTAssertEqual(diagnostics.last?.message, "duplicate key \"version\" (first defined at line 1)")
    }

    func testSameKeyInDifferentMappingsIsNotADuplicate() throws {
        let root = try parsedYAML("- id: a\n- id: b\n")
        XCTAssertEqual(root.sequence?.compactMap { $0["id"]?.string }, ["a", "b"])
    }

    func testTwoMergeKeysInOneMappingAreDuplicates() {
        let diagnostics = yamlDiagnostics("a: &a {x: 1}\nb:\n  <<: *a\n  <<: *a\n")
        XCTAssertEqual(diagnostics.map(\.message), ["duplicate key \"<<\" (first defined at line 3)"])
    }
}
