import XCTest
@testable import Copydesk

final class ExplainerTests: XCTestCase {
    private let pipeline = try! makePipeline("""
        stages:
          - stage: regex
            id: metadata
            rules:
              - {id: byline, pattern: '(?m)^Posted By: (?<author>.+)$', action: extract, strip: true}
          - stage: regex
            id: boilerplate
            rules:
              - {id: junk, pattern: ' ?JUNK', action: strip}
              - {id: kpop, pattern: 'BTS', action: tag, tags: [k-pop]}
              - {id: bait, pattern: 'sizzles', action: flag, category: clickbait, severity: low}
              - {id: spam, pattern: 'casino', action: drop, reason: gambling}
          - stage: whitespace
            id: tidy
        """)

    private func explain(_ text: String) -> Explanation {
        let picked = PickedDocument(document: Document(fields: ["text": Array(text.utf8)]), inputName: "<stdin>", format: .text)
        return Explainer(pipeline: pipeline).explain(picked)
    }

    func testEachStageListsTheRulesThatFiredInIt() {
        let explanation = explain("Sœul BTS JUNK news.\nPosted By: Asha Rao")
        XCTAssertEqual(explanation.steps.map(\.stage), ["metadata", "boilerplate", "tidy"])
        XCTAssertEqual(explanation.steps.map { $0.firings.map(\.event.action) }, [["extract"], ["strip", "tag"], ["whitespace"]])
    }

    func testSpansAreCodePointsOfTheInputEvenAfterEarlierStages() {
        let explanation = explain("Sœul BTS JUNK news.\nPosted By: Asha Rao")
        XCTAssertEqual(explanation.steps[1].firings.map(\.span), [8..<13, 5..<8])
    }

    func testEachStageShowsWhatItAdded() {
        let explanation = explain("BTS sizzles.\nPosted By: Asha Rao")
        XCTAssertEqual(explanation.steps[0].addedMeta["author"], "Asha Rao")
        XCTAssertEqual(explanation.steps[1].addedTags, ["k-pop"])
        XCTAssertEqual(explanation.steps[1].addedFlags.map(\.rule), ["bait"])
        XCTAssertEqual(explanation.steps[1].decisionAfter, .flag)
        XCTAssertEqual(explanation.reason, "clickbait (low) from rule bait")
    }

    func testEachStageDiffsTheTextItChanged() {
        let explanation = explain("a JUNK\nb")
        XCTAssertEqual(explanation.steps[1].diff.lines.map(\.unified), ["-a JUNK", "+a", " b"])
        XCTAssertFalse(explanation.steps[0].diff.hasChanges)
    }

    func testStagesAfterADropDoNotRunAndTheReasonIsTheDropReason() {
        let explanation = explain("casino  night")
        XCTAssertEqual(explanation.steps.map(\.ran), [true, true, false])
        XCTAssertEqual(explanation.decision, .drop)
        XCTAssertEqual(explanation.reason, "spam: gambling")
    }

    func testTheOutputIsWhatRunWouldProduce() {
        let text = "Sœul BTS JUNK news.\n\n\nPosted By: Asha Rao"
        XCTAssertEqual(explain(text).output.string("text"), process(text, through: pipeline, tracksOrigins: false).string("text"))
    }
}
