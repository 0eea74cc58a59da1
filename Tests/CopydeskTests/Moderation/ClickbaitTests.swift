import XCTest
@testable import Copydesk

final class ClickbaitTests: XCTestCase {
    private func scored(_ title: String, text: String = "Body.") throws -> Document {
        process(text, fields: ["title": title], through: try moderationPipeline("stage: clickbait"))
    }

    func testCelebrityBikiniHeadlineWithTrailingFansIsClickbait() throws {
        let document = try scored("Star kid's daughter sizzles in black bikini in pool party, fans..")
        let score = try XCTUnwrap(document.clickbait)
        XCTAssertGreaterThan(score.score, 0.8)
        XCTAssertEqual(Set(score.features.map(\.id)), ["clickbait.sensational-verb", "clickbait.revealing", "clickbait.trailing-fans", "clickbait.trailing-ellipsis"])
        XCTAssertEqual(document.decision, .flag)
        XCTAssertEqual(document.reasons, ["clickbait"])
        XCTAssertEqual(document.moderation?.first?.field, "title")
    }

    func testPlainNewsHeadlinesAreNot() throws {
        for title in ["RBI keeps repo rate unchanged at 6.5%, cuts growth forecast", "10 killed as bus falls into gorge in Himachal",
                      "Election Commission announces dates for Haryana polls", "Sensex ends 300 points higher; IT stocks gain"] {
            let document = try scored(title)
            XCTAssertLessThan(try XCTUnwrap(document.clickbait).score, 0.55, title)
            XCTAssertEqual(document.decision, .keep, title)
        }
    }

    func testCuriosityGapListicleCapsAndPunctuation() throws {
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(try scored("You won't believe what happened next!!").clickbait).score, 0.7)
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(try scored("10 photos of celebs that will leave you speechless…").clickbait).score, 0.55)
        let caps = try XCTUnwrap(try scored("SHOCKING: actor's VIRAL video").clickbait)
        XCTAssertTrue(caps.features.contains { $0.id == "clickbait.caps" })
    }

    func testAShortTeaserLineCountsButALongFirstParagraphDoesNot() throws {
        let teaser = try scored("Actress at the premiere", text: "She sizzles in red, fans..\nThe film opens Friday.")
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(teaser.clickbait).score, 0.55)
        let long = String(repeating: "The budget session ran long and the house adjourned. ", count: 5) + "Here's why, you see!!"
        XCTAssertEqual(try XCTUnwrap(try scored("Budget session ends", text: long).clickbait).score, 0)
    }

    func testScoreIsANoisyOrOfWeights() throws {
        let pipeline = try makePipeline("""
            stages:
              - stage: clickbait
                features: f.yaml
            """, files: ["f.yaml": """
                threshold: 0.6
                features:
                  - {id: a, kind: phrases, weight: 0.5, phrases: [alpha]}
                  - {id: b, kind: phrases, weight: 0.2, phrases: [beta]}
                """])
        let document = process("x", fields: ["title": "alpha beta"], through: pipeline)
        XCTAssertEqual(try XCTUnwrap(document.clickbait).score, 1 - 0.5 * 0.8, accuracy: 1e-9)
        XCTAssertEqual(document.decision, .flag)
    }

    func testFeatureErrorsNameTheirPosition() {
        let errors = configErrors("stages:\n  - stage: clickbait\n    features: f.yaml", files: ["f.yaml": """
            features:
              - {id: a, kind: phrase, weight: 0.5, phrases: [x]}
              - {id: b, kind: caps, weight: 1.5}
            """])
        XCTAssertEqual(errors.count, 2, errors.joined(separator: "\n"))
        XCTAssertTrue(errors[0].hasPrefix("f.yaml:2:13: error: unknown feature kind \"phrase\""), errors[0])
        XCTAssertTrue(errors[1].hasPrefix("f.yaml:3:33: error: expected a number from 0 to 1 for \"weight\""), errors[1])
    }
}
