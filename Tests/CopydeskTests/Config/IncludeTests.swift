import XCTest
@testable import Copydesk

final class IncludeTests: XCTestCase {
    func testIncludesResolveRelativeToTheIncludingFile() throws {
        let pipeline = try makePipeline("""
            stages:
              - stage: regex
                include: [packs/main.yaml]
            """, files: [
                "packs/main.yaml": "include: [more/*.yaml]\nrules:\n  - {id: main, pattern: 'm', action: strip}\n",
                "packs/more/one.yaml": "rules:\n  - {id: one, pattern: '1', action: strip}\n",
                "packs/more/two.yaml": "rules:\n  - {id: two, pattern: '2', action: strip}\n",
            ])
        let stage = try XCTUnwrap(pipeline.stages.first as? RegexStage)
        XCTAssertEqual(stage.rules.map(\.id), ["one", "two", "main"])
        XCTAssertEqual(pipeline.files, ["pipeline.yaml", "packs/main.yaml", "packs/more/one.yaml", "packs/more/two.yaml"])
    }

    func testAGlobMatchingNothingIsAWarningNotAnError() throws {
        let pipeline = try makePipeline("""
            stages:
              - stage: regex
                include: [none/*.yaml]
                rules:
                  - {id: a, pattern: 'a', action: strip}
            """)
        XCTAssertTrue(pipeline.warnings.contains { $0.contains("warning: include \"none/*.yaml\" matches no file") }, "\(pipeline.warnings)")
    }

    func testAnchorsAndAliasesShareRuleSettings() throws {
        let pipeline = try makePipeline("""
            stages:
              - stage: regex
                rules:
                  - &base {id: a, pattern: 'a', action: strip, flags: [caseless]}
                  - <<: *base
                    id: b
                    pattern: 'b'
            """)
        let stage = try XCTUnwrap(pipeline.stages.first as? RegexStage)
        XCTAssertEqual(stage.rules.map(\.id), ["a", "b"])
        XCTAssertEqual(stage.rules[1].pattern.options, [.caseless])
    }

    func testGlobMatchesComponentsAndDoubleStar() {
        XCTAssertTrue(Glob.matches("a/*.yaml", "a/x.yaml"))
        XCTAssertFalse(Glob.matches("a/*.yaml", "a/b/x.yaml"))
        XCTAssertTrue(Glob.matches("a/**/*.yaml", "a/b/c/x.yaml"))
        XCTAssertTrue(Glob.matches("a/**/*.yaml", "a/x.yaml"))
        XCTAssertTrue(Glob.matches("r/[ab]?.yml", "r/b1.yml"))
        XCTAssertFalse(Glob.matches("r/[!ab]?.yml", "r/b1.yml"))
    }

    func testConfigLookupOrder() {
        XCTAssertEqual(ConfigLocation.resolve(explicit: "x.yaml", environment: ["COPYDESK_CONFIG": "e.yaml"], fileExists: { _ in true }), .file("x.yaml"))
        XCTAssertEqual(ConfigLocation.resolve(explicit: nil, environment: ["COPYDESK_CONFIG": "e.yaml"], fileExists: { _ in true }), .file("e.yaml"))
        XCTAssertEqual(ConfigLocation.resolve(explicit: nil, environment: [:], fileExists: { $0 == "copydesk.yaml" }), .file("copydesk.yaml"))
        XCTAssertEqual(ConfigLocation.resolve(explicit: nil, environment: [:], fileExists: { _ in false }), .embedded("pipeline.yaml"))
    }
}
