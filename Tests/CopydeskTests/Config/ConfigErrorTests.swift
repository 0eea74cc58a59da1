import XCTest
@testable import Copydesk

final class ConfigErrorTests: XCTestCase {
    func testUnknownKeySuggestsTheClosestOne() {
        let errors = configErrors(ruleStage("""
              - id: a
                patern: 'x'
                action: strip
        """))
        XCTAssertTrue(errors.contains { $0.hasPrefix("pipeline.yaml:5:9: error: unknown key \"patern\"") && $0.contains("did you mean \"pattern\"?") }, "\(errors)")
    }

    func testErrorShowsTheSourceLineAndACaret() {
        let errors = configErrors(ruleStage("""
              - id: a
                pattern: 'x'
                action: strp
        """))
        let error = try? XCTUnwrap(errors.first { $0.contains("unknown action") })
        XCTAssertEqual(error, """
            pipeline.yaml:6:17: error: unknown action "strp"; did you mean "strip"?
                    action: strp
                            ^
            """)
    }

    func testWrongTypeSaysWhatWasExpectedAndFound() {
        let errors = configErrors(ruleStage("""
              - id: a
                pattern: [x]
                action: strip
        """))
        XCTAssertTrue(errors.contains { $0.contains("expected a string for \"pattern\", found a sequence") }, "\(errors)")
    }

    func testMissingRequiredKeyIsReported() {
        let errors = configErrors(ruleStage("""
              - id: a
                action: strip
        """))
        XCTAssertTrue(errors.contains { $0.contains("missing required key \"pattern\"") }, "\(errors)")
    }

    func testBadRegexPointsAtTheOffendingCharacter() {
        let errors = configErrors(ruleStage("""
              - id: a
                pattern: 'ab(c'
                action: strip
        """))
        let error = errors.first { $0.contains("invalid pattern") }
        XCTAssertNotNil(error, "\(errors)")
        XCTAssertTrue(error?.hasPrefix("pipeline.yaml:5:") ?? false)
        XCTAssertTrue(error?.contains("missing closing parenthesis") ?? false, error ?? "")
    }

    func testAllErrorsAreReportedAtOnce() {
        let errors = configErrors(ruleStage("""
              - id: a
                pattern: '('
                action: strip
              - id: b
                pattern: 'x'
                action: explode
              - id: c
                pattern: 'y'
                action: strip
                colour: red
        """))
        XCTAssertEqual(errors.count, 3, "\(errors)")
    }

    func testDuplicateRuleIDsAcrossFilesAreAnError() {
        let errors = configErrors("""
            stages:
              - stage: regex
                include: [packs/*.yaml]
            """, files: [
                "packs/a.yaml": "rules:\n  - {id: same, pattern: 'a', action: strip}\n",
                "packs/b.yaml": "rules:\n  - {id: same, pattern: 'b', action: strip}\n",
            ])
        XCTAssertTrue(errors.contains { $0.hasPrefix("packs/b.yaml:2:") && $0.contains("duplicate rule id \"same\" (first defined at packs/a.yaml:2:") }, "\(errors)")
    }

    func testUnknownStageKindSuggestsAKnownOne() {
        let errors = configErrors("stages:\n  - stage: regx\n")
        XCTAssertTrue(errors.contains { $0.contains("unknown stage kind \"regx\"; did you mean \"regex\"?") }, "\(errors)")
    }

    func testMissingIncludeIsAnError() {
        let errors = configErrors("stages:\n  - stage: regex\n    include: [nothere.yaml]\n")
        XCTAssertTrue(errors.contains { $0.contains("included file \"nothere.yaml\" not found") }, "\(errors)")
    }

    func testKeyForAnotherActionIsAnError() {
        let errors = configErrors(ruleStage("""
              - id: a
                pattern: 'x'
                action: strip
                replacement: 'y'
        """))
        XCTAssertTrue(errors.contains { $0.contains("\"replacement\" applies only to action replace") }, "\(errors)")
    }

    func testBrokenYAMLIsReportedWithItsPosition() {
        let errors = configErrors("stages:\n  - stage: regex\n    rules: [\n")
        XCTAssertFalse(errors.isEmpty)
        XCTAssertTrue(errors[0].hasPrefix("pipeline.yaml:"), "\(errors)")
    }
}
