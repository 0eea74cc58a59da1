import XCTest
@testable import Copydesk

final class LexiconTests: XCTestCase {
    func testPlainWordIsFoundCaseInsensitively() throws {
        XCTAssertEqual(try lexiconHits("Oh FUCK, that hurt"), ["FUCK"])
    }

    func testLeetspeakIsSeenThrough() throws {
        XCTAssertEqual(try lexiconHits("sh1t happens"), ["sh1t"])
        XCTAssertEqual(try lexiconHits("you @ss"), ["@ss"])
        XCTAssertEqual(try lexiconHits("$hit"), ["$hit"])
        XCTAssertEqual(try lexiconHits("what a b!tch"), ["b!tch"])
    }

    func testSeparatorsBetweenLettersAreSeenThrough() throws {
        for text in ["f.u.c.k", "f u c k", "f-u-c-k", "f. u. c. k", "f_u_c_k"] {
            XCTAssertEqual(try lexiconHits("well \(text) that"), [text], text)
        }
    }

    func testHashMasksAndStarsBetweenLetters() throws {
        XCTAssertEqual(try lexiconHits("s##t and b#llshit"), ["s##t", "b#llshit"])
        XCTAssertEqual(try lexiconHits("a b*i*t*c*h"), ["b*i*t*c*h"])
        XCTAssertEqual(try lexiconHits("#MeToo and #news"), [], "a leading # is a hashtag")
    }

    func testSeparatedLettersAfterARealOneLetterWord() throws {
        XCTAssertEqual(try lexiconHits("what a c.u.n.t"), ["c.u.n.t"])
        XCTAssertEqual(try lexiconHits("a reporter a b.a.s.t.a.r.d on camera"), ["b.a.s.t.a.r.d"])
        XCTAssertEqual(try lexiconHits("growth of 4 -5.5 per cent"), [], "spaced digits are not leetspeak")
    }

    func testStretchedLettersMasksAndVForUAreSeenThrough() throws {
        XCTAssertEqual(try lexiconHits("fuuuuck"), ["fuuuuck"])
        XCTAssertEqual(try lexiconHits("f**k off"), ["f**k"])
        XCTAssertEqual(try lexiconHits("f*ck off"), ["f*ck"])
        XCTAssertEqual(try lexiconHits("fvck off"), ["fvck"])
    }

    func testSuffixesAreIncludedInTheMatch() throws {
        XCTAssertEqual(try lexiconHits("fucking fucked fucker shitty bitches"), ["fucking", "fucked", "fucker", "shitty", "bitches"])
    }

    func testDiacriticsAndLookAlikeLettersAreFolded() throws {
        XCTAssertEqual(try lexiconHits("FÜCK"), ["FÜCK"])
        XCTAssertEqual(try lexiconHits("sh\u{0456}t"), ["sh\u{0456}t"])  // Cyrillic і
        XCTAssertEqual(try lexiconHits("fu\u{200B}ck"), ["fu\u{200B}ck"])  // zero-width space
    }

    func testDecomposedAccentsAreFolded() throws {
        XCTAssertEqual(try lexiconHits("oh fu\u{0308}ck it"), ["fu\u{0308}ck"])
        XCTAssertEqual(try lexiconHits("sh\u{0301}it happens"), ["sh\u{0301}it"])
        XCTAssertEqual(try lexiconHits("FU\u{0308}CK"), ["FU\u{0308}CK"])
    }

    func testFullwidthLettersAreFolded() throws {
        XCTAssertEqual(try lexiconHits("oh ｆｕｃｋ it"), ["ｆｕｃｋ"])
        XCTAssertEqual(try lexiconHits("ＳＨＩＴ"), ["ＳＨＩＴ"])
        XCTAssertEqual(try lexiconHits("ｓｈ１ｔ"), ["ｓｈ１ｔ"])
    }

    func testThePlaceNameCoonRapidsIsNotASlur() throws {
        XCTAssertEqual(try lexiconHits("Coon Rapids, Minnesota. The city of Coon Rapids voted."), [])
    }

    func testClassicFalsePositivesDoNotMatch() throws {
        let text = """
            Scunthorpe beat Essex and Sussex; the assassin in class analysed a cocktail. Dickens wrote \
            about grapes. The therapist's analysis. Shitake and shiitake. Met chief Cressida Dick. \
            Hancock, Hitchcock, a cockatoo, a raccoon, Japan, Pakistani, Assam, passes, cumulative.
            """
        XCTAssertEqual(try lexiconHits(text), [])
    }

    func testNameEntriesAreSkippedWhenCapitalisedMidSentence() throws {
        XCTAssertEqual(try lexiconHits("They met Dick at the bar"), [])
        XCTAssertEqual(try lexiconHits("he is a dick"), ["dick"])
        XCTAssertEqual(try lexiconHits("Dick move, mate"), ["Dick"])
    }

    func testExactEntriesTakeNoSuffixOrStretching() throws {
        XCTAssertEqual(try lexiconHits("kiss my ass"), ["ass"])
        XCTAssertEqual(try lexiconHits("the assess step, asss"), [])
    }

    func testPhrasesMatchAcrossWords() throws {
        XCTAssertEqual(try lexiconHits("you son of a bitch"), ["son of a bitch"])
        XCTAssertEqual(try lexiconHits("I'll kill you tomorrow"), ["I'll kill you"])
    }

    func testAllowListInAUserListWins() throws {
        let pipeline = try moderationPipeline("stage: lexicon\n    fields: [text]\n    lists: [words.yaml]", files: [
            "words.yaml": """
                category: custom
                words: [badword]
                allow: [badword inc]
                """,
        ])
        XCTAssertEqual(detectedTexts(process("badword here but Badword Inc is a company", through: pipeline)), ["badword"])
    }

    func testDetectionCarriesCategorySeverityRuleAndConfidence() throws {
        let pipeline = try moderationPipeline("stage: lexicon\n    fields: [text]")
        let document = process("a cunt and a sh1t", through: pipeline)
        let detections = try XCTUnwrap(document.moderation)
        XCTAssertEqual(detections.map(\.rule), ["profanity:cunt", "profanity:shit"])
        XCTAssertEqual(detections.map(\.severity), [.high, .low])
        XCTAssertEqual(detections.map(\.type), ["lexicon", "lexicon"])
        XCTAssertGreaterThan(detections[0].confidence, detections[1].confidence, "obfuscated matches are less sure")
        XCTAssertEqual(document.decision, .flag)
        XCTAssertEqual(document.reasons, ["profanity:cunt", "profanity:shit"])
    }

    func testListErrorsNameFileLineAndColumn() {
        let errors = configErrors("""
            stages:
              - stage: lexicon
                lists: [words.yaml]
            """, files: ["words.yaml": """
                category: custom
                severity: extreme
                words:
                  - ok
                  - {term: "f*ck"}
                """])
        XCTAssertEqual(errors.count, 2, errors.joined(separator: "\n"))
        XCTAssertTrue(errors[0].hasPrefix("words.yaml:2:1: error: unknown severity \"extreme\""), errors[0])
        XCTAssertTrue(errors[1].hasPrefix("words.yaml:5:5: error: expected a word or phrase of letters"), errors[1])
    }

    func testAListWithoutCategoryIsAnError() {
        let errors = configErrors("stages:\n  - stage: lexicon\n    lists: [w.yaml]", files: ["w.yaml": "words: [x]"])
        XCTAssertTrue(errors.first?.contains("missing required key \"category\"") ?? false, errors.joined())
    }
}
