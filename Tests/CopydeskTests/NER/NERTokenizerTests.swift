import XCTest
@testable import Copydesk

final class NERTokenizerTests: XCTestCase {
    private func tokenize(_ text: String) -> (tokens: [String], ranges: [NERTokenRange], sentences: [[String]]) {
        let bytes = Array(text.utf8)
        let (ranges, starts) = bytes.withUnsafeBufferPointer { NERTokenizer().tokenize($0) }
        let tokens = ranges.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
        var sentences: [[String]] = []
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1] : tokens.count
            sentences.append(Array(tokens[start..<end]))
        }
        return (tokens, ranges, sentences)
    }

    func testByteRangesOfMultiByteText() {
        let text = "Zoë met Müller in São Paulo."
        let result = tokenize(text)
        XCTAssertEqual(result.tokens, ["Zoë", "met", "Müller", "in", "São", "Paulo", "."])
        // "Zoë" is 4 bytes (ë takes two), so "met" starts at byte 5.
        XCTAssertEqual(result.ranges[0], NERTokenRange(start: 0, end: 4))
        XCTAssertEqual(result.ranges[1], NERTokenRange(start: 5, end: 8))
        XCTAssertEqual(result.ranges[2], NERTokenRange(start: 9, end: 16))
        XCTAssertEqual(result.ranges.last, NERTokenRange(start: text.utf8.count - 1, end: text.utf8.count))
    }

    func testOtherScriptsAreWords() {
        let result = tokenize("नमस्ते दुनिया, 안녕하세요 세계.")
        XCTAssertEqual(result.tokens, ["नमस्ते", "दुनिया", ",", "안녕하세요", "세계", "."])
    }

    func testAbbreviationsNumbersAndClitics() {
        let result = tokenize("The U.S. firm Acme Inc. paid $1,000.50 on 2024-03-05, Kim's aide didn't say.")
        XCTAssertEqual(result.tokens, [
            "The", "U.S.", "firm", "Acme", "Inc.", "paid", "$", "1,000.50", "on", "2024-03-05", ",",
            "Kim", "'s", "aide", "did", "n't", "say", ".",
        ])
    }

    func testHyphensApostrophesAndInitials() {
        let result = tokenize("Lee Byung-hun, Sean O'Brien and George W. Bush met AT&T staff.")
        XCTAssertEqual(result.tokens, [
            "Lee", "Byung-hun", ",", "Sean", "O'Brien", "and", "George", "W.", "Bush", "met", "AT&T", "staff", ".",
        ])
    }

    func testSentenceSplitting() {
        let result = tokenize("He left. She stayed in Oslo.\nHEADLINE HERE\n\nit was 3.5 p.c. of sales. \"Fine,\" he said.")
        XCTAssertEqual(result.sentences, [
            ["He", "left", "."],
            ["She", "stayed", "in", "Oslo", "."],
            ["HEADLINE", "HERE"],
            ["it", "was", "3.5", "p.c.", "of", "sales", "."],
            ["\"", "Fine", ",", "\"", "he", "said", "."],
        ])
    }

    func testRunOnSentenceWithoutSpace() {
        let result = tokenize("the order.The union agreed")
        XCTAssertEqual(result.sentences, [["the", "order", "."], ["The", "union", "agreed"]])
    }

    func testInvalidUTF8DoesNotTrap() {
        let bytes: [UInt8] = [0x41, 0x62, 0xFF, 0xC3, 0x20, 0x43]
        let (ranges, _) = bytes.withUnsafeBufferPointer { NERTokenizer().tokenize($0) }
        XCTAssertEqual(ranges.first?.start, 0)
        XCTAssertEqual(ranges.last?.end, bytes.count)
        for range in ranges { XCTAssertLessThan(range.start, range.end) }
    }

    func testEmptyAndWhitespaceInput() {
        XCTAssertTrue(tokenize("").tokens.isEmpty)
        XCTAssertTrue(tokenize(" \n\t \u{00A0}").sentences.isEmpty)
    }
}
