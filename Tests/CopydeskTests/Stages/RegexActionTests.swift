import XCTest
@testable import Copydesk

final class RegexActionTests: XCTestCase {
    private func pipeline(_ rules: String) throws -> Pipeline {
        try makePipeline(ruleStage(rules))
    }

    func testStripRemovesAnInlineTeaserAndJoinsTheSentences() throws {
        let p = try pipeline("""
              - id: teaser
                pattern: 'ALSO READ:[^.]*?(?=The )'
                action: strip
        """)
        let doc = process("Monday.ALSO READ: Man bites dog in Pune The bridge opened.", through: p)
        XCTAssertEqual(doc.string("text"), "Monday. The bridge opened.")
    }

    func testStripCollapsesTheSpacesAroundAMiddleMatch() throws {
        let p = try pipeline("""
              - id: paren
                pattern: '\\(ALSO READ:[^)]*\\)'
                action: strip
        """)
        XCTAssertEqual(process("Prices rose (ALSO READ: Gold dips) again.", through: p).string("text"), "Prices rose again.")
        XCTAssertEqual(process("Prices rose (ALSO READ: Gold dips).", through: p).string("text"), "Prices rose.")
    }

    func testStripOfAWholeLineLeavesAnEmptyLine() throws {
        let p = try pipeline("""
              - id: line
                pattern: '(?m)^Follow us on .*$'
                action: strip
        """)
        XCTAssertEqual(process("One.\nFollow us on Xyz  \nTwo.", through: p).string("text"), "One.\n\nTwo.")
    }

    func testStripRecordsRemovedSpansInCodePointsOfTheInput() throws {
        let p = try pipeline("""
              - id: junk
                pattern: 'JUNK'
                action: strip
              - id: more
                pattern: 'MORE'
                action: strip
        """)
        let doc = process("héllo JUNK wörld MORE end", through: p)
        XCTAssertEqual(doc.string("text"), "héllo wörld end")
        let spans = doc.removed.map { ($0.rule, $0.range) }
        XCTAssertEqual(spans.map(\.0), ["junk", "more"])
        // Byte ranges into the input; the second one maps back across the first edit.
        XCTAssertEqual(spans.map(\.1), [7..<11, 19..<23])
    }

    func testReplaceExpandsNumberedAndNamedGroups() throws {
        let p = try pipeline("""
              - id: swap
                pattern: '(?<first>\\w+)-(\\w+)'
                action: replace
                replacement: '$2 ${first} $$'
        """)
        XCTAssertEqual(process("ab-cd and ef-gh", through: p).string("text"), "cd ab $ and gh ef $")
    }

    func testExtractCopiesNamedGroupsIntoMetaAndCanStrip() throws {
        let p = try pipeline("""
              - id: byline
                pattern: '(?m)^Posted By: (?<author>.+)$'
                action: extract
                strip: true
        """)
        let doc = process("The story.\nPosted By: Asha Rao", through: p)
        XCTAssertEqual(doc.meta["author"], "Asha Rao")
        XCTAssertEqual(doc.string("text"), "The story.\n")
    }

    func testExtractWithMetaTemplatesAndNoStripLeavesTheText() throws {
        let p = try pipeline("""
              - id: date
                pattern: '(\\d{4})-(\\d{2})-(\\d{2})'
                action: extract
                meta: {date: '$3/$2/$1'}
        """)
        let doc = process("On 2022-04-25 it rained.", through: p)
        XCTAssertEqual(doc.meta["date"], "25/04/2022")
        XCTAssertEqual(doc.string("text"), "On 2022-04-25 it rained.")
        XCTAssertTrue(doc.changedFields.isEmpty)
    }

    func testTagAddsEachTagOnce() throws {
        let p = try pipeline("""
              - id: kpop
                pattern: 'BTS'
                action: tag
                tags: [k-pop, music]
              - id: kpop-again
                pattern: 'Jimin'
                action: tag
                tags: [k-pop]
        """)
        XCTAssertEqual(process("BTS and Jimin", through: p).tags, ["k-pop", "music"])
    }

    func testFlagAddsAFlagAndRaisesTheDecision() throws {
        let p = try pipeline("""
              - id: bait
                pattern: 'sizzles'
                action: flag
                category: clickbait
                severity: low
        """)
        let doc = process("Star sizzles in pool", through: p)
        XCTAssertEqual(doc.flags, [ModerationFlag(rule: "bait", category: "clickbait", severity: "low")])
        XCTAssertEqual(doc.decision, .flag)
    }

    func testDropSetsTheDecisionWithAReasonAndStopsLaterRules() throws {
        let p = try pipeline("""
              - id: empty
                pattern: '\\A\\s*\\z'
                action: drop
                reason: no text
              - id: never
                pattern: '.*'
                action: tag
                tags: [seen]
        """)
        let doc = process("   ", through: p)
        XCTAssertEqual(doc.decision, .drop)
        XCTAssertEqual(doc.dropReason, "empty: no text")
        XCTAssertEqual(doc.tags, [])
    }

    func testWhenGuardLimitsARuleToMatchingURLs() throws {
        let p = try pipeline("""
              - id: site-only
                pattern: 'Watch the video here:'
                action: strip
                when: {field: url, pattern: 'jagran\\.com'}
        """)
        XCTAssertEqual(process("A. Watch the video here:", fields: ["url": "https://www.jagran.com/x"], through: p).string("text"), "A.")
        XCTAssertEqual(process("A. Watch the video here:", fields: ["url": "https://other.example/x"], through: p).string("text"), "A. Watch the video here:")
    }

    func testNegatedGuardAppliesWhenTheFieldDoesNotMatch() throws {
        let p = try pipeline("""
              - id: not-hindu
                pattern: 'X'
                action: strip
                when:
                  - {field: publisher, pattern: 'Hindu', negate: true}
        """)
        XCTAssertEqual(process("aXb", fields: ["publisher": "The Hindu"], through: p).string("text"), "aXb")
        XCTAssertEqual(process("aXb", fields: ["publisher": "Mint"], through: p).string("text"), "a b")
        XCTAssertEqual(process("aXb", through: p).string("text"), "a b")
    }

    func testRulesCanTargetTheTitleField() throws {
        let p = try pipeline("""
              - id: title-suffix
                field: title
                pattern: ' \\| Latest News$'
                action: strip
        """)
        let doc = process("body", fields: ["title": "Rain in Pune | Latest News"], through: p)
        XCTAssertEqual(doc.string("title"), "Rain in Pune")
        XCTAssertEqual(doc.string("text"), "body")
    }

    func testAMatchLimitFailsOnlyThatRuleOnThatDocument() throws {
        let p = try pipeline("""
              - id: catastrophic
                pattern: '(a+)+$'
                action: strip
              - id: fine
                pattern: 'b'
                action: strip
        """)
        var document = Document(fields: ["text": Array((String(repeating: "a", count: 40) + "!b").utf8)])
        let context = WorkerContext(limits: MatchLimits(matchLimit: 10_000))
        p.process(&document, context: context)
        XCTAssertEqual(document.errors.count, 1)
        XCTAssertEqual(document.errors.first?.rule, "catastrophic")
        XCTAssertEqual(document.string("text"), String(repeating: "a", count: 40) + "!")
    }

    func testExamplesReportPassesAndFailuresWithTheirLines() throws {
        let p = try pipeline("""
              - id: teaser
                pattern: 'Read more: [^.]*\\.'
                action: strip
                examples:
                  - input: "A. Read more: B. C."
                    output: "A. C."
                  - input: "children who read more books"
                    matches: false
                  - input: "A. Read more: B. C."
                    output: "wrong"
        """)
        let results = p.runExamples(context: WorkerContext())
        XCTAssertEqual(results.map(\.passed), [true, true, false])
        XCTAssertEqual(results[2].mark.line, 12)
        XCTAssertEqual(results[2].failure, "expected \"wrong\" got \"A. C.\"")
    }
}
