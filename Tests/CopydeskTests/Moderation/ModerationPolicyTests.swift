import Foundation
import XCTest
@testable import Copydesk

final class ModerationPolicyTests: XCTestCase {
    func testMaskRedactionKeepsTheLengthInCharacters() throws {
        let pipeline = try moderationPipeline("stage: lexicon\n    fields: [text]\n    action: redact\n    redact: mask\n    mask: \"#\"")
        let document = process("oh fück, the shït", through: pipeline)
        XCTAssertEqual(document.string("text"), "oh ####, the ####")
        XCTAssertEqual(detectedTexts(document), ["####", "####"])
        XCTAssertEqual(document.moderation?.map(\.action), ["redact", "redact"])
        XCTAssertEqual(document.decision, .keep, "redaction keeps the document")
        XCTAssertEqual(document.reasons, ["profanity:fuck", "profanity:shit"])
    }

    func testLabelRedactionShiftsLaterOffsetsAndEarlierStagesDetections() throws {
        let pipeline = try makePipeline("""
            policy:
              - {type: email, action: redact}
            stages:
              - stage: lexicon
                fields: [text]
              - stage: pii
            """)
        let document = process("mail a.b@x.com or c.d@y.org, damn it", through: pipeline)
        XCTAssertEqual(document.string("text"), "mail [REDACTED:email] or [REDACTED:email], damn it")
        XCTAssertEqual(detectedTexts(document), ["damn", "[REDACTED:email]", "[REDACTED:email]"])
    }

    func testOutputOffsetsAreCodePointsOfTheOutputText() throws {
        let pipeline = try makePipeline("policy:\n  - {type: email, action: redact}\nstages:\n  - stage: pii")
        var document = Document(fields: ["text": Array("né: a.b@x.com, é 9876543210".utf8)])
        pipeline.process(&document, context: WorkerContext())
        var out: [UInt8] = []
        DocumentCodec().appendAnnotations(document, into: &out)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(out)) as? [String: Any])
        let moderation = try XCTUnwrap(object["moderation"] as? [[String: Any]])
        let text = Array(try XCTUnwrap(document.string("text")).unicodeScalars)
        let spans = moderation.map { String(String.UnicodeScalarView(text[($0["start"] as! Int)..<($0["end"] as! Int)])) }
        XCTAssertEqual(spans, ["[REDACTED:email]", "9876543210"])
        XCTAssertNil(moderation.first { $0["text"] != nil }, "no matched text in the output")
        XCTAssertEqual(object["reasons"] as? [String], ["pii.email", "pii.phone"])
    }

    func testFirstMatchingPolicyRuleWins() throws {
        let pipeline = try makePipeline("""
            policy:
              - {category: profanity, min_severity: high, action: drop}
              - {category: profanity, action: tag, tag: sweary}
              - {category: profanity, action: drop}
            stages:
              - stage: lexicon
                fields: [text]
            """)
        let mild = process("oh shit", through: pipeline)
        XCTAssertEqual(mild.decision, .keep)
        XCTAssertEqual(mild.tags, ["sweary"])
        let strong = process("you cunt", through: pipeline)
        XCTAssertEqual(strong.decision, .drop)
        XCTAssertEqual(strong.dropReason, "profanity:cunt: profanity (high)")
        XCTAssertEqual(strong.reasons, ["profanity:cunt"])
    }

    func testPolicyCanSelectByStageTypeAndConfidence() throws {
        let pipeline = try makePipeline("""
            policy:
              - {stage: pii, type: phone, min_confidence: 0.9, action: redact, redact: mask}
            stages:
              - stage: pii
            """)
        let document = process("Call +91 98765 43210 or 9876543210", through: pipeline)
        XCTAssertEqual(document.string("text"), "Call *** ***** ***** or 9876543210")
        XCTAssertEqual(document.moderation?.map(\.action), ["redact", "flag"])
    }

    func testPolicyErrorsNameFileLineAndColumn() {
        let errors = configErrors("""
            policy:
              - {category: x, action: explode}
              - {type: emails, action: flag}
              - {action: redact, redact: mask, mask: "**"}
              - {stage: clickbait, action: redact}
            stages:
              - stage: pii
            """)
        XCTAssertEqual(errors.count, 4, errors.joined(separator: "\n"))
        XCTAssertTrue(errors[0].hasPrefix("pipeline.yaml:2:19: error: unknown action \"explode\""), errors[0])
        XCTAssertTrue(errors[1].hasPrefix("pipeline.yaml:3:12: error: unknown type \"emails\""), errors[1])
        XCTAssertTrue(errors[2].hasPrefix("pipeline.yaml:4:36: error: expected one visible character for \"mask\""), errors[2])
        XCTAssertTrue(errors[3].hasPrefix("pipeline.yaml:5:24: error: clickbait findings cannot be redacted"), errors[3])
    }

    func testACatchAllRedactRulePassesOverClickbait() throws {
        let pipeline = try makePipeline("""
            policy:
              - {action: redact}
              - {stage: clickbait, action: tag, tag: bait}
            stages:
              - stage: clickbait
            """)
        let title = "You won't believe what happened next!!"
        let document = process("Body.", fields: ["title": title], through: pipeline)
        XCTAssertEqual(document.string("title"), title, "clickbait cannot be redacted")
        XCTAssertEqual(document.moderation?.map(\.action), ["tag"])
        XCTAssertEqual(document.tags, ["bait"])
    }

    func testARedactRuleOnTheClickbaitTypeOrCategoryIsAnError() {
        let errors = configErrors("""
            policy:
              - {type: clickbait, action: redact}
              - {category: clickbait, action: redact}
            stages:
              - stage: clickbait
            """)
        XCTAssertEqual(errors.count, 2, errors.joined(separator: "\n"))
        XCTAssertTrue(errors.allSatisfy { $0.contains("error: clickbait findings cannot be redacted") }, errors.joined(separator: "\n"))
    }

    func testUnknownStageAndCategoryNamesInThePolicyAreErrors() {
        let errors = configErrors("""
            policy:
              - {category: slur, action: drop}
              - {stage: lexcion, action: drop}
              - {stage: [pii, my-lexicon, words], category: [profanity, pii], action: flag}
            stages:
              - stage: lexicon
                id: words
              - stage: pii
            """)
        guard errors.count == 3 else { return XCTFail(errors.joined(separator: "\n")) }
        XCTAssertTrue(errors[0].hasPrefix("pipeline.yaml:2:16: error: unknown category \"slur\" in a policy rule; did you mean \"slurs\"?"), errors[0])
        XCTAssertTrue(errors[1].hasPrefix("pipeline.yaml:3:13: error: unknown moderation stage \"lexcion\" in a policy rule; did you mean \"lexicon\"?"), errors[1])
        XCTAssertTrue(errors[2].hasPrefix("pipeline.yaml:4:19: error: unknown moderation stage \"my-lexicon\""), errors[2])
    }

    func testExplainTracesADetectionToItsListEntry() throws {
        let pipeline = try moderationPipeline("stage: lexicon\n    fields: [text]\n    lists: [w.yaml]", files: ["w.yaml": "category: c\nwords:\n  - alpha\n  - beta\n"])
        let document = process("x b3ta y", through: pipeline, tracksOrigins: true)
        let event = try XCTUnwrap(document.trace.first)
        XCTAssertEqual(event.rule, "c:beta")
        XCTAssertEqual(event.mark?.file, "w.yaml")
        XCTAssertEqual(event.mark?.line, 4)
        XCTAssertEqual(String(decoding: event.text, as: UTF8.self), "b3ta")
    }

    func testRegexDropsNameTheirRuleInReasons() throws {
        let pipeline = try makePipeline(ruleStage("""
                  - id: no-ads
                    pattern: "BUY NOW"
                    action: drop
                    reason: advert
            """))
        XCTAssertEqual(process("BUY NOW!", through: pipeline).reasons, ["no-ads"])
    }
}
