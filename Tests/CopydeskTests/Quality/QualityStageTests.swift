import XCTest
@testable import Copydesk

final class QualityStageTests: XCTestCase {
    private func fixture(_ name: String) throws -> String {
        try String(contentsOf: fixturesDirectory.appendingPathComponent("quality/\(name).txt"), encoding: .utf8)
    }

    private func pipeline(_ stage: String) throws -> Pipeline {
        try makePipeline("stages:\n  - stage: quality\n" + stage)
    }

    // MARK: Config

    func testUnknownKeyIsAnErrorWithMarkAndSuggestion() {
        let errors = configErrors("""
            stages:
              - stage: quality
                gopher:
                  min_doc_wrds: 20
            """)
        XCTAssertTrue(errors.contains { $0.hasPrefix("pipeline.yaml:4:7: error: unknown key \"min_doc_wrds\"") && $0.contains("did you mean \"min_doc_words\"?") }, "\(errors)")
    }

    func testUnknownSetAndActionAreErrors() {
        let errors = configErrors("""
            stages:
              - stage: quality
                sets: [gopher, finweb]
                action: flagg
            """)
        XCTAssertTrue(errors.contains { $0.hasPrefix("pipeline.yaml:3:20: error: unknown signal set \"finweb\"") && $0.contains("did you mean \"fineweb\"?") }, "\(errors)")
        XCTAssertTrue(errors.contains { $0.hasPrefix("pipeline.yaml:4:13: error: unknown action \"flagg\"") }, "\(errors)")
    }

    func testThresholdMustBeANumber() {
        let errors = configErrors("""
            stages:
              - stage: quality
                fineweb: {short_line_thr: high}
            """)
        XCTAssertTrue(errors.contains { $0.contains("expected a number for \"short_line_thr\"") }, "\(errors)")
    }

    func testOverridesReachTheAnalyzer() throws {
        let p = try pipeline("""
                sets: [gopher_repetition, c4]
                gopher_repetition: {top_n_grams: {2: 0.5}, dup_n_grams: {5: 0.2}}
                c4: {min_num_sentences: 2, bad_words: false}
                score: {weights: {c4: 2}, softness: 0.25, failure_factor: 0.1}
            """)
        let stage = try XCTUnwrap(p.stages.first as? QualityStage)
        let settings = stage.analyzer.settings
        XCTAssertEqual(settings.sets, [.gopherRepetition, .c4])
        XCTAssertEqual(settings.repetition.topNGrams, [NGramThreshold(n: 2, threshold: 0.5)])
        XCTAssertEqual(settings.repetition.dupNGrams, [NGramThreshold(n: 5, threshold: 0.2)])
        XCTAssertEqual(settings.c4.minNumSentences, 2)
        XCTAssertNil(stage.analyzer.badWords)
        XCTAssertEqual(settings.score.weights[.c4], 2)
        XCTAssertEqual(settings.score.softness, 0.25)
        XCTAssertEqual(settings.score.failureFactor, 0.1)
    }

    // MARK: Actions and output

    func testFlagActionFlagsEachFailedCheck() throws {
        let document = process(try fixture("boilerplate"), through: try pipeline("    action: flag\n"))
        let quality = try XCTUnwrap(document.quality)
        XCTAssertEqual(document.decision, .flag)
        XCTAssertEqual(document.flags.map(\.rule), quality.failed)
        XCTAssertEqual(document.reasons, quality.failed)
        XCTAssertTrue(document.flags.allSatisfy { $0.category == "quality" })
        XCTAssertEqual(quality.decision, "flag")
        XCTAssertEqual(document.trace.count, quality.failed.count)
        XCTAssertEqual(document.trace.first?.text, Array("39.0 (at least 50.0)".utf8))  // gopher_short_doc
    }

    func testDropActionNamesTheFailedChecks() throws {
        let document = process(try fixture("list"), through: try pipeline("    action: drop\n    sets: [gopher]\n"))
        XCTAssertEqual(document.decision, .drop)
        XCTAssertEqual(document.dropReason, "quality: gopher_too_many_bullets, gopher_below_alpha_threshold, gopher_enough_stop_words")
        XCTAssertEqual(document.reasons, ["gopher_too_many_bullets", "gopher_below_alpha_threshold", "gopher_enough_stop_words"])
    }

    func testTagActionTagsAndKeeps() throws {
        let document = process(try fixture("repeated"), through: try pipeline("    action: tag\n    sets: [fineweb]\n"))
        XCTAssertEqual(document.decision, .keep)
        XCTAssertEqual(document.tags, ["quality:char_dup_ratio"])
        XCTAssertEqual(document.reasons, ["char_dup_ratio"])
    }

    func testGoodArticlePassesEverySetAndKeeps() throws {
        let document = process(try fixture("good-news"), through: try pipeline("    action: drop\n"))
        XCTAssertEqual(document.quality?.failed, [])
        XCTAssertEqual(document.quality?.decision, "keep")
        XCTAssertEqual(document.decision, .keep)
    }

    func testOutputCarriesScoreSignalsFailedAndDecision() throws {
        let document = process(try fixture("link-farm"), through: try pipeline(""), tracksOrigins: false)
        var out: [UInt8] = []
        DocumentCodec(textField: "text", explain: false).appendAnnotations(document, into: &out)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(out)) as? [String: Any])
        let quality = try XCTUnwrap(object["quality"] as? [String: Any])
        XCTAssertEqual(Set(quality.keys), ["score", "signals", "failed", "decision", "script"])
        let signals = try XCTUnwrap(quality["signals"] as? [String: Double])
        XCTAssertEqual(signals["gopher_n_words"], document.quality?.signal("gopher_n_words"))
        XCTAssertEqual(signals.count, document.quality?.signals.count)
        XCTAssertEqual(quality["failed"] as? [String], document.quality?.failed)
        XCTAssertEqual(quality["decision"] as? String, "flag")
    }

    func testC4FilterLinesKeepsOnlyC4sLines() throws {
        let text = """
            First sentence here. Second one here!
            Too short.
            Menu
            A line with a citation.[1]
            Third line is fine. Yes it is.
            """
        let document = process(text, through: try pipeline("    sets: [c4]\n    c4: {filter_lines: true}\n"))
        // datatrove's C4QualityFilter leaves "\n".join(kept_lines).strip().
        XCTAssertEqual(document.string("text"), "First sentence here. Second one here!\nA line with a citation.\nThird line is fine. Yes it is.")
        XCTAssertEqual(document.trace.last?.effect, .other(action: "c4_filter_lines"))
    }

    func testC4FilterLinesMovesEntitiesAndDetectionsWithTheText() throws {
        let text = "Home | News\nNarendra Modi met Joe Biden in New Delhi on Monday.\nclick here\n"
            + "The two leaders spoke for an hour. They agreed on trade. Aides said the talks went well. "
            + "A joint statement followed. More meetings are planned.[2] Joe Biden flew home."
        let bytes = Array(text.utf8)
        func range(of needle: String, from: Int = 0) -> Range<Int> {
            let n = Array(needle.utf8)
            let start = (from...(bytes.count - n.count)).first { bytes[$0..<($0 + n.count)].elementsEqual(n) }!
            return start..<(start + n.count)
        }
        let modi = range(of: "Narendra Modi"), biden = range(of: "Joe Biden"), home = range(of: "Home")
        let lastBiden = range(of: "Joe Biden", from: biden.upperBound)
        var document = Document(fields: ["text": bytes])
        document.entities = [
            Entity(field: "text", range: home, label: "ORG", source: .model),
            Entity(field: "text", range: modi, label: "PERSON", source: .model),
            Entity(field: "text", range: biden, label: "PERSON", source: .model),
            Entity(field: "text", range: lastBiden, label: "PERSON", source: .model),
        ]
        document.moderation = [
            ModerationDetection(stage: "m", type: "lexicon", category: "x", severity: .low, rule: "r", field: "text",
                                range: range(of: "click"), confidence: 1, action: "flag"),
            ModerationDetection(stage: "m", type: "lexicon", category: "x", severity: .low, rule: "r", field: "text",
                                range: lastBiden, confidence: 1, action: "flag"),
        ]
        try pipeline("    sets: [c4]\n    c4: {filter_lines: true, bad_words: false}\n").process(&document, context: WorkerContext())
        let out = try XCTUnwrap(document.string("text"))
        XCTAssertTrue(out.hasPrefix("Narendra Modi met Joe Biden"), out)
        XCTAssertTrue(out.contains("planned. Joe Biden flew home."), out)
        let newBytes = Array(out.utf8)
        // "Home" went with its line; the rest still spell what they spelled.
        XCTAssertEqual(document.entities?.map { String(decoding: newBytes[$0.range], as: UTF8.self) }, ["Narendra Modi", "Joe Biden", "Joe Biden"])
        XCTAssertEqual(document.entities?.last?.range.upperBound, newBytes.count - " flew home.".utf8.count)
        let detections = try XCTUnwrap(document.moderation)
        XCTAssertTrue(detections[0].range.isEmpty)
        XCTAssertEqual(String(decoding: newBytes[detections[1].range], as: UTF8.self), "Joe Biden")
    }

    func testC4FilterLinesLeavesADocumentThatFailsC4Alone() throws {
        let text = "Only one line here.\nMenu"
        let document = process(text, through: try pipeline("    sets: [c4]\n    c4: {filter_lines: true}\n"))
        XCTAssertEqual(document.string("text"), text)
        XCTAssertEqual(document.quality?.failed, ["too_few_sentences"])
    }

    func testStatsCountFailedChecks() throws {
        let p = try pipeline("    sets: [gopher]\n")
        let context = WorkerContext(stats: PipelineStats(for: p))
        var document = Document(fields: ["text": Array(try fixture("list").utf8)])
        p.process(&document, context: context)
        let stats = try XCTUnwrap(context.stats)
        XCTAssertEqual(stats.rules["gopher_too_many_bullets"]?.hits, 1)
        XCTAssertEqual(stats.rules["gopher_short_doc"]?.hits, 0)
    }

    // MARK: Score

    func testGoodNewsScoresAboveEveryKindOfJunk() throws {
        let analyzer = QualityAnalyzer(badWords: BadWordList([]))
        let good = analyzer.analyze(try fixture("good-news")).score
        XCTAssertGreaterThan(good, 0.9)
        for junk in ["link-farm", "boilerplate", "list", "repeated"] {
            let score = analyzer.analyze(try fixture(junk)).score
            XCTAssertLessThan(score, 0.6, junk)
            XCTAssertLessThan(score, good - 0.3, junk)
        }
    }

    func testMarginIsZeroAtTheThresholdAndOneWellClearOfIt() {
        let atLimit = QualityCheck(name: "x", set: .fineweb, value: 0.3, rule: .atMost(0.3), applies: true)
        let clear = QualityCheck(name: "x", set: .fineweb, value: 0.1, rule: .atMost(0.3), applies: true)
        let halfway = QualityCheck(name: "x", set: .fineweb, value: 0.225, rule: .atMost(0.3), applies: true)
        XCTAssertEqual(QualityScore.margin(atLimit, softness: 0.5), 0)
        XCTAssertEqual(QualityScore.margin(clear, softness: 0.5), 1)
        XCTAssertEqual(QualityScore.margin(halfway, softness: 0.5), 0.5, accuracy: 1e-9)
    }

    // MARK: Non-Latin text

    func testHindiAndKoreanDoNotFailTheEnglishStopWordCheck() throws {
        let analyzer = QualityAnalyzer(badWords: BadWordList([]))
        for name in ["hindi", "korean"] {
            let report = analyzer.analyze(try fixture(name))
            XCTAssertEqual(report.script, "other", name)
            XCTAssertFalse(report.failed.contains("gopher_enough_stop_words"), name)
            XCTAssertEqual(report.signal("gopher_stop_words"), 0, name)
        }
    }

    func testWellFormedHindiAndChineseNewsPassByDefault() throws {
        // Hindi ends sentences in "।" and Chinese has no spaces between words: C4's sentence count
        // and the word-count, word-length and top n-gram checks do not apply to them.
        let analyzer = QualityAnalyzer(badWords: BadWordList([]))
        for name in ["hindi", "chinese"] {
            let report = analyzer.analyze(try fixture(name))
            XCTAssertEqual(report.script, "other", name)
            XCTAssertEqual(report.failed, [], name)
        }
    }

    func testLatinTextInAnotherLanguageKeepsTheScriptChecks() throws {
        let report = QualityAnalyzer(badWords: BadWordList([])).analyze(try fixture("german"))
        XCTAssertEqual(report.language, "de")
        XCTAssertEqual(report.checks.first { $0.name == "too_few_sentences" }?.applies, true)
        XCTAssertEqual(report.checks.first { $0.name == "gopher_enough_stop_words" }?.applies, false)
    }

    func testGermanTextIsRecognisedAndSkipsTheEnglishStopWordCheck() throws {
        let report = QualityAnalyzer(badWords: BadWordList([])).analyze(try fixture("german"))
        XCTAssertEqual(report.script, "latin")
        XCTAssertEqual(report.language, "de")
        XCTAssertEqual(report.failed, [])
        var settings = QualitySettings()
        settings.nonLatin.detectLanguages = false
        let strict = QualityAnalyzer(settings: settings, badWords: BadWordList([])).analyze(try fixture("german"))
        XCTAssertNil(strict.language)
        XCTAssertEqual(strict.failed, ["gopher_enough_stop_words"])
    }

    func testEnglishJunkIsNotMistakenForAnotherLanguage() throws {
        let report = QualityAnalyzer(badWords: BadWordList([])).analyze(try fixture("list"))
        XCTAssertNil(report.language)
        XCTAssertTrue(report.failed.contains("gopher_enough_stop_words"))
    }

    func testWithNothingSkippedNonLatinTextFailsTheStopWordCheck() throws {
        var settings = QualitySettings()
        settings.nonLatin.skip = []
        let report = QualityAnalyzer(settings: settings, badWords: BadWordList([])).analyze(try fixture("korean"))
        XCTAssertTrue(report.failed.contains("gopher_enough_stop_words"))
    }

    // MARK: Examples

    func testExampleNamingAnUnknownCheckIsAnErrorAtTheName() {
        // "gopher_short_docs" is a typo; top_5_gram is no check with the default n-gram sizes.
        let errors = configErrors("""
            stages:
              - stage: quality
                examples:
                  - input: "Too short."
                    failed: [gopher_short_docs, top_5_gram]
            """)
        XCTAssertTrue(errors.contains { $0.hasPrefix("pipeline.yaml:5:18: error: unknown check \"gopher_short_docs\"") && $0.contains("did you mean \"gopher_short_doc\"?") }, "\(errors)")
        XCTAssertTrue(errors.contains { $0.hasPrefix("pipeline.yaml:5:37: error: unknown check \"top_5_gram\"") }, "\(errors)")
    }

    func testExamplesReportAMismatch() throws {
        let p = try pipeline("""
                examples:
                  - input: "Too short."
                    failed: []
            """)
        let results = p.runExamples(context: WorkerContext())
        XCTAssertEqual(results.count, 1)
        XCTAssertTrue(results[0].failure?.contains("got [gopher_short_doc") == true, "\(results)")
    }
}
