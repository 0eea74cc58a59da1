import XCTest
@testable import Copydesk

/// `Document.trace`: what each stage records when the document tracks origins.
final class TraceTests: XCTestCase {
    private func pipeline(_ rules: String) throws -> Pipeline {
        try makePipeline(ruleStage(rules))
    }

    private func text(_ event: TraceEvent) -> String {
        String(decoding: event.text, as: UTF8.self)
    }

    func testStripRecordsOneEventPerRemovedMatchInInputCodePoints() throws {
        let p = try pipeline("""
              - id: junk
                pattern: 'JUNK'
                action: strip
        """)
        let doc = process("héllo JUNK 日本 JUNK", through: p)
        XCTAssertEqual(doc.trace.map(\.action), ["strip", "strip"])
        XCTAssertEqual(doc.trace.map(\.rule), ["junk", "junk"])
        XCTAssertEqual(doc.trace.map(text), ["JUNK", "JUNK"])
        XCTAssertEqual(doc.traceCodePointRanges, [6..<10, 14..<18])
    }

    func testLaterEventsMapBackAcrossEarlierEditsToTheInput() throws {
        let p = try pipeline("""
              - id: junk
                pattern: 'JUNK'
                action: strip
              - id: more
                pattern: 'MORE'
                action: strip
        """)
        let doc = process("héllo JUNK wörld MORE end", through: p)
        XCTAssertEqual(doc.trace.map(\.rule), ["junk", "more"])
        XCTAssertEqual(doc.traceCodePointRanges, [6..<10, 17..<21])
    }

    func testReplaceRecordsEachReplacementWithItsText() throws {
        let p = try pipeline("""
              - id: swap
                pattern: '(\\w+)-(\\w+)'
                action: replace
                replacement: '$2+$1'
        """)
        let doc = process("日本 ab-cd and ef-gh", through: p)
        XCTAssertEqual(doc.trace.map(text), ["ab-cd", "ef-gh"])
        XCTAssertEqual(doc.trace.map(\.effect), [.replace(replacement: Array("cd+ab".utf8)), .replace(replacement: Array("gh+ef".utf8))])
        XCTAssertEqual(doc.traceCodePointRanges, [3..<8, 13..<18])
    }

    func testExtractRecordsTheMatchAndTheMetaItSet() throws {
        let p = try pipeline("""
              - id: byline
                pattern: '(?m)^Posted By: (?<author>.+)$'
                action: extract
                strip: true
        """)
        let doc = process("Ünïcode story.\nPosted By: Asha Rao", through: p)
        var meta = Meta()
        meta.set("author", "Asha Rao")
        XCTAssertEqual(doc.trace.map(\.effect), [.extract(meta: meta, stripped: true)])
        XCTAssertEqual(doc.trace.map(text), ["Posted By: Asha Rao"])
        XCTAssertEqual(doc.traceCodePointRanges, [15..<34])
    }

    func testExtractEventLeavesOutMetaKeysThatWereAlreadySet() throws {
        let p = try pipeline("""
              - id: first
                pattern: 'by (?<author>\\w+)'
                action: extract
              - id: second
                pattern: 'By (?<author>\\w+)'
                action: extract
        """)
        let doc = process("by Asha. By Ravi.", through: p)
        XCTAssertEqual(doc.trace.map(\.rule), ["first", "second"])
        XCTAssertEqual(doc.trace.last?.effect, .extract(meta: Meta(), stripped: false))
        XCTAssertEqual(doc.meta["author"], "Asha")
    }

    func testTagRecordsTheFirstMatchAndItsTags() throws {
        let p = try pipeline("""
              - id: kpop
                pattern: 'BTS'
                action: tag
                tags: [k-pop, music]
        """)
        let doc = process("Ça BTS and BTS", through: p)
        XCTAssertEqual(doc.trace.map(\.effect), [.tag(["k-pop", "music"])])
        XCTAssertEqual(doc.traceCodePointRanges, [3..<6])
    }

    func testFlagRecordsItsCategoryAndSeverity() throws {
        let p = try pipeline("""
              - id: bait
                pattern: 'sizzles'
                action: flag
                category: clickbait
                severity: low
        """)
        let doc = process("Stär sizzles", through: p)
        XCTAssertEqual(doc.trace.map(\.effect), [.flag(category: "clickbait", severity: "low")])
        XCTAssertEqual(doc.traceCodePointRanges, [5..<12])
    }

    func testDropRecordsItsReason() throws {
        let p = try pipeline("""
              - id: spam
                pattern: 'spam'
                action: drop
                reason: junk mail
        """)
        let doc = process("ÀÀ spam", through: p)
        XCTAssertEqual(doc.trace.map(\.effect), [.drop(reason: "junk mail")])
        XCTAssertEqual(doc.traceCodePointRanges, [3..<7])
    }

    func testAnEventNamesWhereItsRuleIsDefined() throws {
        let p = try pipeline("""
              - id: junk
                pattern: 'JUNK'
                action: strip
        """)
        let event = try XCTUnwrap(process("a JUNK", through: p).trace.first)
        XCTAssertEqual(event.stage, "regex-1")
        XCTAssertEqual(event.mark?.file, "pipeline.yaml")
        XCTAssertEqual(event.mark?.line, 4)
    }

    func testWhitespaceRecordsOneEventPerChangedFieldWithItsEditCount() {
        let stage = WhitespaceStage(id: "ws", fields: ["text", "title"])
        let doc = process("é  a  b", fields: ["title": "clean"], through: Pipeline(stages: [stage], file: "test"))
        XCTAssertEqual(doc.trace.count, 1)
        XCTAssertEqual(doc.trace.first?.field, "text")
        XCTAssertNil(doc.trace.first?.rule)
        XCTAssertEqual(doc.trace.first?.effect, .whitespace(edits: 2))
        XCTAssertEqual(doc.traceCodePointRanges, [1..<6])
    }

    func testNothingIsRecordedWhenOriginsAreNotTracked() throws {
        let p = try makePipeline("""
            stages:
              - stage: regex
                rules:
                  - {id: junk, pattern: 'JUNK', action: strip}
                  - {id: kpop, pattern: 'BTS', action: tag, tags: [k-pop]}
              - stage: whitespace
            """)
        let doc = process("BTS  JUNK  news", through: p, tracksOrigins: false)
        XCTAssertEqual(doc.string("text"), "BTS news")
        XCTAssertEqual(doc.tags, ["k-pop"])
        XCTAssertTrue(doc.trace.isEmpty)
    }
}
