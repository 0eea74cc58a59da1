import XCTest
@testable import Copydesk

/// The lexicon's work grows linearly with the text, however hostile: counted, not timed.
final class LexiconWorkTests: XCTestCase {
    private func work(_ text: String) throws -> (hits: [LexiconMatcher.Hit], work: LexiconMatcher.Work) {
        let pipeline = try moderationPipeline("stage: lexicon\n    fields: [text]")
        let stage = try XCTUnwrap(pipeline.stages.first as? LexiconStage)
        var work = LexiconMatcher.Work()
        let hits = Array(text.utf8).withUnsafeBufferPointer { stage.matcher.hits(in: $0, work: &work) }
        return (hits, work)
    }

    func testALongRunOfOneLetterWordsReadsAtMostMaxSymbolsOfIt() throws {
        // Before the fix every start of the run re-read the rest of it: n² / 2 symbols.
        let (_, work) = try work(String(repeating: "x ", count: 20_000))
        XCTAssertLessThanOrEqual(work.joinedSymbolsRead, LexiconTokens.maxSymbols)
    }

    func testWorkOnOneLetterRunsGrowsLinearly() throws {
        for unit in ["x ", "f.u.c.k ", "a b c "] {
            let small = try work(String(repeating: unit, count: 2_000)).work
            let large = try work(String(repeating: unit, count: 8_000)).work
            XCTAssertLessThanOrEqual(large.searchSteps, 4 * small.searchSteps + 1_000, unit)
            XCTAssertLessThanOrEqual(large.joinedSymbolsRead, 4 * small.joinedSymbolsRead + LexiconTokens.maxSymbols, unit)
        }
    }

    func testTheEndOfALongRunIsStillMatched() throws {
        let text = String(repeating: "a ", count: 5_000) + "f.u.c.k"
        let (hits, _) = try work(text)
        XCTAssertEqual(hits.map { String(decoding: Array(text.utf8)[$0.range], as: UTF8.self) }, ["f.u.c.k"])
    }
}
