import XCTest
@testable import Copydesk

/// The Swift port of spaCy's English tokenizer against spaCy itself. Every expected list below was
/// computed with spaCy 3.8.18: `[t.text for t in spacy.blank("en").tokenizer(s) if t.text.strip()]`
/// (what datatrove's `split_into_words` returns).
final class EnglishTokenizerTests: XCTestCase {
    private struct Collector: TokenSink {
        var tokens: [Range<Int>] = []
        var spaces: [Range<Int>] = []
        mutating func token(_ start: Int, _ end: Int) { tokens.append(start..<end) }
        mutating func space(_ start: Int, _ end: Int) { spaces.append(start..<end) }
    }

    private func words(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        var collector = Collector()
        var scratch = TokenizerScratch()
        bytes.withUnsafeBufferPointer { EnglishTokenizer.english.tokenize($0, 0..<$0.count, into: &collector, scratch: &scratch) }
        return collector.tokens.map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    private let spacyCases: [(String, [String])] = [
        ("Don't stop.", ["Do", "n't", "stop", "."]),
        ("U.S. troops", ["U.S.", "troops"]),
        ("(Mr. Smith)", ["(", "Mr.", "Smith", ")"]),
        ("well-known", ["well", "-", "known"]),
        ("10km away", ["10", "km", "away"]),
        ("It costs $100, or 50%.", ["It", "costs", "$", "100", ",", "or", "50", "%", "."]),
        ("Visit https://www.bbc.co.uk/news/world-123 now", ["Visit", "https://www.bbc.co.uk/news/world-123", "now"]),
        ("see bbc.co.uk/news", ["see", "bbc.co.uk/news"]),
        ("He left.The end", ["He", "left", ".", "The", "end"]),
        ("John's car", ["John", "'s", "car"]),
        ("Wow!!", ["Wow", "!", "!"]),
        ("Mr.Kharge said", ["Mr.", "Kharge", "said"]),
        ("gonna", ["gon", "na"]),
        ("cannot", ["can", "not"]),
        ("'90s", ["'", "90s"]),
        ("He said ''hello''", ["He", "said", "''", "hello", "''"]),
        ("5pm", ["5", "pm"]),
        ("e.g. this", ["e.g.", "this"]),
        ("NATO. A.", ["NATO", ".", "A."]),
        ("3-4 and 3+4", ["3", "-", "4", "and", "3", "+", "4"]),
        ("a/b", ["a", "/", "b"]),
        ("café naïve", ["café", "naïve"]),
        ("25°C.", ["25", "°", "C", "."]),
        ("#tag @user", ["#", "tag", "@user"]),
        ("“Quoted,” she said.", ["“", "Quoted", ",", "”", "she", "said", "."]),
        ("end...", ["end", "..."]),
        ("well—known", ["well", "—", "known"]),
        ("Hello :) there", ["Hello", ":)", "there"]),
        ("U.K.-based", ["U.K.-based"]),
        ("1,000.50", ["1,000.50"]),
        ("rock'n'roll", ["rock'n'roll"]),
    ]

    func testMatchesSpacyOnAffixesExceptionsURLsAndInfixes() {
        for (text, expected) in spacyCases {
            XCTAssertEqual(words(text), expected, "tokenizing \(text)")
        }
    }

    func testWhitespaceRunsOtherThanOneSpaceBecomeWhitespaceTokens() {
        // spaCy glues one ' ' to the token before; "  " leaves a " " token, "\n" is a token.
        let bytes = Array("a b  c\nd".utf8)
        var collector = Collector()
        var scratch = TokenizerScratch()
        bytes.withUnsafeBufferPointer { EnglishTokenizer.english.tokenize($0, 0..<$0.count, into: &collector, scratch: &scratch) }
        XCTAssertEqual(collector.spaces, [4..<5, 6..<7])
        XCTAssertEqual(collector.tokens.count, 4)
    }

    func testSentencizerCountsLikeSpacy() {
        // spaCy: len(list(nlp("...").sents)) with the sentencizer: 3, 1 ("..." is no sentence end), 2.
        XCTAssertEqual(sentences("One. Two! Three?"), 3)
        XCTAssertEqual(sentences("Wait... then go"), 1)
        XCTAssertEqual(sentences("He said \"stop.\" Then left."), 2)
    }

    private func sentences(_ text: String) -> Int {
        let bytes = Array(text.utf8)
        var scratch = TokenizerScratch()
        return bytes.withUnsafeBufferPointer { buffer in
            var counter = SentenceCounter(text: buffer)
            EnglishTokenizer.english.tokenize(buffer, 0..<buffer.count, into: &counter, scratch: &scratch)
            return counter.sentences
        }
    }

    /// Tokens of `text` and the tokenizer's count of inner-loop steps.
    private func tokenCountAndWork(_ text: String) -> (tokens: Int, work: Int) {
        let bytes = Array(text.utf8)
        var collector = Collector()
        var scratch = TokenizerScratch()
        bytes.withUnsafeBufferPointer { EnglishTokenizer.english.tokenize($0, 0..<$0.count, into: &collector, scratch: &scratch) }
        return (collector.tokens.count, scratch.work)
    }

    func testWorkOnOneLongChunkIsLinearInItsLength() {
        // Runs of one-scalar pieces ("a" ":" "a" ...) and of '@' (each a possible URL user part) used to
        // try every later piece, or read the rest of the chunk, from each position.
        let perByte = 2 * (EnglishTokenizer.english.specials.maximumLength + 1)
        for unit in ["@", "a:", "((", "a@b:", "@a.b", "a.@"] {
            let text = String(repeating: unit, count: 20_000 / unit.utf8.count)
            let work = tokenCountAndWork(text).work
            XCTAssertLessThanOrEqual(work, perByte * text.utf8.count, "work on \"\(unit)\" × \(20_000 / unit.utf8.count)")
        }
    }

    func testLongChunksWithoutSpacesSplitAsTheRulesSay() {
        // "@@@…" is no URL and has no affix: one token. "a:a:…a:" loses its final ':' as a suffix and
        // splits at every ':' between letters: one token per character.
        XCTAssertEqual(tokenCountAndWork(String(repeating: "@", count: 300_000)).tokens, 1)
        XCTAssertEqual(tokenCountAndWork(String(repeating: "a:", count: 150_000)).tokens, 300_000)
    }
}
