import XCTest
@testable import Copydesk

/// Each signal pinned on a small hand-made text. Expected values were computed with datatrove 0.10.1's
/// own code and spaCy 3.8.18 (`split_into_words`, `find_duplicates`, `find_top_duplicate`,
/// `find_all_duplicate`, `C4QualityFilter().filter`), and re-derived by hand in the comments.
final class QualitySignalTests: XCTestCase {
    private func analyze(_ text: String, sets: [QualitySet], configure: (inout QualitySettings) -> Void = { _ in }) -> QualityReport {
        var settings = QualitySettings()
        settings.sets = sets
        configure(&settings)
        return QualityAnalyzer(settings: settings, badWords: BadWordList(["s&m", "xxx", "two words"])).analyze(text)
    }

    private func signal(_ report: QualityReport, _ name: String, file: StaticString = #filePath, line: UInt = #line) -> Double {
        guard let value = report.signal(name) else {
            XCTFail("no signal \(name)", file: file, line: line)
            return .nan
        }
        return value
    }

    // Words (spaCy): The cat sat on the mat . # Big news ... - item one • item two … (18).
    // Not symbols (a character outside PUNCTUATION_SET; "•" is outside it): 13 words, 39 characters.
    private let gopherText = "The cat sat on the mat.\n# Big news...\n- item one\n• item two…"

    func testGopherWordCountsAndAverageLengthIgnoreSymbols() {
        let report = analyze(gopherText, sets: [.gopher])
        XCTAssertEqual(signal(report, "gopher_n_words"), 13)
        XCTAssertEqual(signal(report, "gopher_avg_word_length"), 39.0 / 13.0)
    }

    func testGopherSymbolRatiosDivideByAllWords() {
        let report = analyze(gopherText, sets: [.gopher])
        XCTAssertEqual(signal(report, "gopher_hash_to_word_ratio"), 1.0 / 18.0)  // one "#"
        XCTAssertEqual(signal(report, "gopher_ellipsis_to_word_ratio"), 2.0 / 18.0)  // "..." and "…"
    }

    func testGopherLineRatios() {
        let report = analyze(gopherText, sets: [.gopher])
        XCTAssertEqual(signal(report, "gopher_bullet_lines_ratio"), 0.5)  // "- item one", "• item two…" of 4 lines
        XCTAssertEqual(signal(report, "gopher_end_ellipsis_ratio"), 0.5)  // "# Big news...", "• item two…"
    }

    func testGopherAlphaRatioAndDistinctCaseSensitiveStopWords() {
        let report = analyze(gopherText, sets: [.gopher])
        XCTAssertEqual(signal(report, "gopher_alpha_words_ratio"), 12.0 / 18.0)  // "•" has no letter
        XCTAssertEqual(signal(report, "gopher_stop_words"), 1)  // "the"; "The" is not a stop word
    }

    func testGopherFailsInDatatrovesOrder() {
        let report = analyze(gopherText, sets: [.gopher])
        XCTAssertEqual(report.failed, [
            "gopher_short_doc", "gopher_too_many_ellipsis", "gopher_too_many_end_ellipsis",
            "gopher_below_alpha_threshold", "gopher_enough_stop_words",
        ])
    }

    func testGopherThresholdOfZeroTurnsTheCheckOff() {
        let report = analyze(gopherText, sets: [.gopher]) { $0.gopher.minDocWords = 0 }
        XCTAssertFalse(report.failed.contains("gopher_short_doc"))
    }

    // 45 characters. Paragraphs: "a b a b a b", "same line\nsame line", "a b a b a b" → 1 repeat, 11 chars.
    // Lines (split on \n+): "a b a b a b", "same line", "same line", "a b a b a b" → 2 repeats, 20 chars.
    private let repetitionText = "a b a b a b\n\nsame line\nsame line\n\na b a b a b"

    func testRepetitionParagraphAndLineDuplicates() {
        let report = analyze(repetitionText, sets: [.gopherRepetition])
        XCTAssertEqual(signal(report, "gopher_rep_dup_para_frac"), 1.0 / 3.0)
        XCTAssertEqual(signal(report, "gopher_rep_dup_para_char_frac"), 11.0 / 45.0)
        XCTAssertEqual(signal(report, "gopher_rep_dup_line_frac"), 2.0 / 4.0)
        XCTAssertEqual(signal(report, "gopher_rep_dup_line_char_frac"), 20.0 / 45.0)
    }

    func testRepetitionTopNGramIsLengthTimesCount() {
        let report = analyze(repetitionText, sets: [.gopherRepetition])
        XCTAssertEqual(signal(report, "gopher_rep_top_2_gram"), 18.0 / 45.0)  // "a b" (3) × 6
        XCTAssertEqual(signal(report, "gopher_rep_top_3_gram"), 20.0 / 45.0)  // "a b a" (5) × 4
        XCTAssertEqual(signal(report, "gopher_rep_top_4_gram"), 28.0 / 45.0)  // "a b a b" (7) × 4
    }

    func testRepetitionDuplicateNGramsJumpPastEachRepeat() {
        let report = analyze(repetitionText, sets: [.gopherRepetition])
        // find_all_duplicate joins n-grams without spaces and jumps n words past a repeat: one 5-char repeat.
        XCTAssertEqual(signal(report, "gopher_rep_dup_5_gram"), 5.0 / 45.0)
        XCTAssertEqual(signal(report, "gopher_rep_dup_6_gram"), 6.0 / 45.0)
    }

    func testRepetitionOfEmptyTextFailsAndHasNoValues() {
        let report = analyze("", sets: [.gopherRepetition])
        XCTAssertEqual(report.failed.first, "gopher_rep_empty")
        XCTAssertTrue(signal(report, "gopher_rep_dup_line_frac").isNaN)  // written as null
    }

    func testTopNGramHasNoValueWithFewerWordsThanN() {
        // datatrove: `if not n_grams: continue`.
        let report = analyze("One two three", sets: [.gopherRepetition])
        XCTAssertEqual(signal(report, "gopher_rep_top_3_gram"), 13.0 / 13.0)
        XCTAssertTrue(signal(report, "gopher_rep_top_4_gram").isNaN)
        XCTAssertFalse(report.checks.contains { $0.name == "top_4_gram" })
    }

    // Lines: kept (2 sentences) / too few words / no terminal punctuation / policy / javascript /
    // kept after citation removal (1) / kept (2): 5 sentences, 3 kept; datatrove keeps the document.
    private let c4Text = """
        First sentence here. Second one here!
        Too short.
        No punctuation at the end
        This page uses cookies to work well.
        Enable JavaScript to see this page now.
        A line with a citation.[1]
        Third line is fine. Yes it is.
        """

    func testC4CountsEachLineFilter() {
        let report = analyze(c4Text, sets: [.c4])
        XCTAssertEqual(signal(report, "c4_lines"), 7)
        XCTAssertEqual(signal(report, "c4_lines_kept"), 3)
        XCTAssertEqual(signal(report, "c4_lines_removed"), 4)
        XCTAssertEqual(signal(report, "c4_lines_too_few_words"), 1)
        XCTAssertEqual(signal(report, "c4_lines_no_terminal_punct"), 1)
        XCTAssertEqual(signal(report, "c4_lines_policy"), 1)
        XCTAssertEqual(signal(report, "c4_lines_javascript"), 1)
        XCTAssertEqual(signal(report, "c4_sentences"), 5)
        XCTAssertEqual(report.failed, [])
    }

    func testC4TooFewSentences() {
        let report = analyze("One good line here. And two.\nAnother good line here.", sets: [.c4])
        XCTAssertEqual(signal(report, "c4_sentences"), 3)
        XCTAssertEqual(report.failed, ["too_few_sentences"])
    }

    func testC4DocumentRulesComeInTheOrderOfTheirLines() {
        // datatrove returns at the first line with "{" here, before it sees "lorem ipsum".
        let report = analyze("Some text with {braces} in it.\nLorem ipsum dolor sit amet.", sets: [.c4])
        XCTAssertEqual(signal(report, "c4_curly_bracket"), 1)
        XCTAssertEqual(signal(report, "c4_lorem_ipsum"), 1)
        XCTAssertEqual(report.failed.prefix(2), ["curly_bracket", "lorem_ipsum"])
    }

    func testBadWordsNeedNonWordCharactersAroundThem() {
        XCTAssertEqual(signal(analyze("A film about S&M, they said.", sets: [.c4]), "c4_bad_words"), 1)
        XCTAssertEqual(signal(analyze("Sizes: xxxl only.", sets: [.c4]), "c4_bad_words"), 0)
        XCTAssertEqual(signal(analyze("two words", sets: [.c4]), "c4_bad_words"), 1)
        XCTAssertTrue(analyze("xxx", sets: [.c4]).failed.contains("document_removed_with_badwords"))
    }

    // Lines without blank ones: "Home", "News", "A proper sentence that ends well.", "Home".
    // 45 characters besides the 5 newlines; 10 words.
    private let finewebText = "Home\nNews\n\nA proper sentence that ends well.\nHome\n"

    func testFineWebRatios() {
        let report = analyze(finewebText, sets: [.fineweb])
        XCTAssertEqual(signal(report, "fineweb_line_punct_ratio"), 0.25)
        XCTAssertEqual(signal(report, "fineweb_short_line_ratio"), 0.75)
        XCTAssertEqual(signal(report, "fineweb_char_dup_ratio"), 4.0 / 45.0)  // the second "Home"
        XCTAssertEqual(signal(report, "fineweb_list_ratio"), 5.0 / 10.0)
        XCTAssertEqual(report.failed, ["short_line_ratio", "char_dup_ratio", "list_ratio"])
    }

    func testLengthsAreCodePoints() {
        // "café" is 4 code points (5 bytes), "naïve" 5: mean 4.5.
        let report = analyze("café naïve", sets: [.gopher])
        XCTAssertEqual(signal(report, "gopher_avg_word_length"), 4.5)
    }
}
