import XCTest
@testable import Copydesk

final class LintTests: XCTestCase {
    private func warnings(_ rules: String) throws -> [String] {
        try makePipeline(ruleStage(rules)).warnings
    }

    func testARuleWithoutExamplesIsWarnedAbout() throws {
        let found = try warnings("""
              - {id: bare, pattern: 'x', action: strip}
        """)
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found[0].hasPrefix("pipeline.yaml:4:9: warning: rule \"bare\" has no examples"), found[0])
    }

    func testAnExampleThatDoesNotExerciseItsRuleIsWarnedAbout() throws {
        let found = try warnings("""
              - id: teaser
                pattern: 'Read more:'
                action: strip
                examples:
                  - {input: "nothing to see", output: "nothing to see"}
                  - {input: "a Read more: b", output: "a b"}
        """)
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertTrue(found[0].hasPrefix("pipeline.yaml:8:13: warning: example does not exercise rule \"teaser\""), found[0])
    }

    func testCatastrophicBacktrackingIsWarnedAboutAtTheGroup() throws {
        let found = try warnings("""
              - id: risky
                pattern: 'x(a+)+y'
                action: strip
                examples: [{input: "xaay", output: ""}]
        """)
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertTrue(found[0].hasPrefix("pipeline.yaml:5:20: warning: pattern of rule \"risky\" may backtrack catastrophically"), found[0])
    }

    func testAStripPatternThatCanMatchNothingIsWarnedAbout() throws {
        let found = try warnings("""
              - id: empty
                pattern: 'x*'
                action: strip
                examples: [{input: "axb", output: "a b"}]
        """)
        XCTAssertTrue(found.contains { $0.contains("strip rule \"empty\" can match the empty string") }, "\(found)")
    }

    func testTwoRulesWithTheSamePatternAreWarnedAbout() throws {
        let found = try warnings("""
              - {id: one, pattern: 'dup', action: strip, examples: [{input: "a dup", output: "a"}]}
              - {id: two, pattern: 'dup', action: tag, tags: [t], examples: [{input: "a dup", matches: true}]}
              - {id: three, pattern: 'dup', flags: [caseless], action: tag, tags: [t], examples: [{input: "DUP", matches: true}]}
        """)
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertTrue(found[0].contains("rule \"two\" has the same pattern and flags as rule \"one\" (pipeline.yaml:4:"), found[0])
    }

    func testTheDefaultRulesHaveNoWarnings() throws {
        XCTAssertEqual(try ConfigLocation.embedded("pipeline.yaml").load().warnings, [])
        XCTAssertEqual(try ConfigLocation.embedded("clean.yaml").load().warnings, [])
    }
}

final class BacktrackingRiskTests: XCTestCase {
    func testNestedUnboundedRepeatsAreRisky() {
        XCTAssertEqual(BacktrackingRisk.firstRisk(in: "(a+)+"), 0)
        XCTAssertEqual(BacktrackingRisk.firstRisk(in: "^x(.*)*$"), 2)
        XCTAssertEqual(BacktrackingRisk.firstRisk(in: #"(?:\w+\s?)+$"#), 0)
        XCTAssertEqual(BacktrackingRisk.firstRisk(in: "(?<name>(a*)*)b"), 8)
        XCTAssertEqual(BacktrackingRisk.firstRisk(in: "((a+))+"), 0)
    }

    func testSafeShapesAreNotFlagged() {
        XCTAssertNil(BacktrackingRisk.firstRisk(in: "(a+)"))
        XCTAssertNil(BacktrackingRisk.firstRisk(in: #"(?:[^,]+,)+"#))
        XCTAssertNil(BacktrackingRisk.firstRisk(in: "(a++)+"))
        XCTAssertNil(BacktrackingRisk.firstRisk(in: "(?>a+)+"))
        XCTAssertNil(BacktrackingRisk.firstRisk(in: #"(?:\w+\s)+"#))
        XCTAssertNil(BacktrackingRisk.firstRisk(in: "[(a+)+]"))
        XCTAssertNil(BacktrackingRisk.firstRisk(in: #"\(a+\)+"#))
        XCTAssertNil(BacktrackingRisk.firstRisk(in: "(?i)Also Read(?=:)"))
    }

    func testExtendedModeIgnoresCommentsAndSpaces() {
        XCTAssertEqual(BacktrackingRisk.firstRisk(in: "x # (a+)+ in a comment\n ( a + ) +", extended: true), 24)
        XCTAssertNil(BacktrackingRisk.firstRisk(in: "x # (a+)+ in a comment\n", extended: true))
    }
}
