import XCTest
@testable import Copydesk

final class YAMLMergeKeyTests: XCTestCase {
    private func keys(_ node: YAMLNode?) -> [String] {
        node?.mapping?.compactMap(\.key.string) ?? []
    }

    func testMergeKeyCopiesThePairsOfAnAliasedMapping() throws {
        let root = try parsedYAML("""
            defaults: &defaults {field: text, action: strip}
            rule:
              id: r1
              <<: *defaults
            """)
        XCTAssertEqual(keys(root["rule"]), ["id", "field", "action"])
        XCTAssertEqual(root["rule"]?["action"]?.string, "strip")
    }

    func testExplicitKeysWinOverMergedKeysWithoutADuplicateError() throws {
        let root = try parsedYAML("""
            defaults: &defaults {field: text, action: strip, flags: [caseless]}
            rule:
              action: drop
              <<: *defaults
              field: title
            """)
        XCTAssertEqual(root["rule"]?["action"]?.string, "drop")
        XCTAssertEqual(root["rule"]?["field"]?.string, "title")
        XCTAssertEqual(keys(root["rule"]), ["action", "flags", "field"])
    }

    func testMergeListTakesEachKeyFromTheEarliestMapping() throws {
        let root = try parsedYAML("""
            a: &a {field: text, severity: low}
            b: &b {severity: high, category: clickbait}
            rule:
              <<: [*a, *b]
            """)
        XCTAssertEqual(keys(root["rule"]), ["field", "severity", "category"])
        XCTAssertEqual(root["rule"]?["severity"]?.string, "low")
    }

    func testMergeOfAScalarIsAnError() {
        let diagnostics = yamlDiagnostics("rule:\n  <<: text\n")
        XCTAssertEqual(
            diagnostics.map(\.description),
            ["test.yaml:2:7: error: the merge key \"<<\" needs a mapping or a list of mappings, found the string \"text\""]
        )
    }

    func testQuotedMergeKeyIsAnOrdinaryKey() throws {
        let root = try parsedYAML("\"<<\": {a: 1}\n")
        XCTAssertEqual(keys(root), ["<<"])
    }
}
