import Foundation
import XCTest
@testable import Copydesk

final class DocumentCodecTests: XCTestCase {
    private let stripJunk = try! makePipeline(ruleStage("""
          - id: junk
            pattern: ' ?JUNK'
            action: strip
    """))

    private func roundTrip(_ line: String, codec: DocumentCodec = DocumentCodec(), pipeline: Pipeline? = nil) throws -> String {
        let bytes = Array(line.utf8)
        return try bytes.withUnsafeBufferPointer { buffer in
            var (document, object) = try codec.decodeLine(buffer, lineNumber: 1, sequence: 0)
            document.tracksOrigins = codec.explain
            (pipeline ?? stripJunk).process(&document, context: WorkerContext(tracksOrigins: codec.explain))
            var out: [UInt8] = []
            codec.encodeLine(document, object: object, line: buffer, into: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }

    private let emptyAnnotations = #""copydesk":{"meta":{},"tags":[],"flags":[],"decision":"keep","errors":[]}"#

    func testAnUnchangedDocumentIsItsInputLinePlusTheObject() throws {
        let line = #"{"id": 7, "n": -0.0e+00, "big": 12345678901234567890, "text": "caf\u00e9 \"quoted\" \/ ok", "x": [1, {"y": null}] }"#
        let out = try roundTrip(line)
        XCTAssertEqual(out, String(line.dropLast(2)) + "," + emptyAnnotations + " }\n")
    }

    func testFieldOrderAndOtherFieldsArePreservedWhenTextChanges() throws {
        let line = #"{"z": 1.50, "text": "a JUNK b\n\u2028", "title": "t\u00e9", "a": true}"#
        let out = try roundTrip(line)
        XCTAssertEqual(out, #"{"z": 1.50, "text": "a b\n"# + "\u{2028}" + #"", "title": "t\u00e9", "a": true,"# + emptyAnnotations + "}\n")
    }

    func testOutputIsValidJSONWithTheCleanedText() throws {
        let out = try roundTrip(#"{"text":"tab\there JUNK \ud83d\ude00 end"}"#)
        let object = try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any]
        XCTAssertEqual(object?["text"] as? String, "tab\there \u{1F600} end")
    }

    func testAnExistingCopydeskMemberIsReplacedNotDuplicated() throws {
        let out = try roundTrip(#"{"copydesk": {"old": 1}, "text": "x"}"#)
        XCTAssertEqual(out, #"{"text": "x","# + emptyAnnotations + "}\n")
        let last = try roundTrip(#"{"text": "x", "copydesk": 5}"#)
        XCTAssertEqual(last, #"{"text": "x","# + emptyAnnotations + "}\n")
    }

    func testExplainListsRemovedSpansInCodePoints() throws {
        let out = try roundTrip(#"{"text": "héllo JUNK 日本 JUNK"}"#, codec: DocumentCodec(explain: true))
        XCTAssertTrue(out.contains(#""removed":[{"rule":"junk","start":5,"end":10,"text":" JUNK"},{"rule":"junk","start":13,"end":18,"text":" JUNK"}]"#), out)
    }

    func testExplainWritesTheTraceInCodePointsOfTheInput() throws {
        let out = try roundTrip(#"{"text": "héllo JUNK 日本 JUNK"}"#, codec: DocumentCodec(explain: true))
        XCTAssertTrue(out.contains(
            #""trace":[{"stage":"regex-1","rule":"junk","at":"pipeline.yaml:4","action":"strip","field":"text","start":5,"end":10,"text":" JUNK"},"#
                + #"{"stage":"regex-1","rule":"junk","at":"pipeline.yaml:4","action":"strip","field":"text","start":13,"end":18,"text":" JUNK"}]"#), out)
    }

    func testTraceEventsCarryWhatEachActionDid() throws {
        let pipeline = try makePipeline("""
            stages:
              - stage: regex
                rules:
                  - {id: swap, pattern: 'ab', action: replace, replacement: 'ba'}
                  - {id: by, pattern: 'by (?<author>\\w+)', action: extract}
                  - {id: kpop, pattern: 'BTS', action: tag, tags: [k-pop]}
                  - {id: bait, pattern: 'wow', action: flag, category: clickbait}
                  - {id: spam, pattern: 'spam', action: drop, reason: junk}
              - stage: whitespace
            """)
        let out = try roundTrip(#"{"text": "ab by Asha BTS wow  spam"}"#, codec: DocumentCodec(explain: true), pipeline: pipeline)
        let object = try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any]
        let trace = try XCTUnwrap((object?["copydesk"] as? [String: Any])?["trace"] as? [[String: Any]])
        XCTAssertEqual(trace.map { $0["action"] as? String }, ["replace", "extract", "tag", "flag", "drop"])
        XCTAssertEqual(trace[0]["replacement"] as? String, "ba")
        XCTAssertEqual(trace[1]["meta"] as? [String: String], ["author": "Asha"])
        XCTAssertEqual(trace[2]["tags"] as? [String], ["k-pop"])
        XCTAssertEqual(trace[3]["category"] as? String, "clickbait")
        XCTAssertEqual(trace[3]["severity"] as? String, "medium")
        XCTAssertEqual(trace[4]["reason"] as? String, "junk")
    }

    func testTheWhitespaceEventHasNoRuleAndCountsItsEdits() throws {
        let pipeline = try makePipeline("stages:\n  - stage: whitespace\n")
        let out = try roundTrip(#"{"text": "a  b  c"}"#, codec: DocumentCodec(explain: true), pipeline: pipeline)
        XCTAssertTrue(out.contains(#""trace":[{"stage":"whitespace-1","rule":null,"at":"pipeline.yaml:2","action":"whitespace","field":"text","start":1,"end":6,"text":"","edits":2}]"#), out)
    }

    func testWithoutExplainThereIsNoTrace() throws {
        let out = try roundTrip(#"{"text": "a JUNK"}"#)
        XCTAssertEqual(out, #"{"text": "a","# + emptyAnnotations + "}\n")
    }

    func testMissingTextFieldIsARejection() {
        let bytes = Array(#"{"title": "x"}"#.utf8)
        XCTAssertThrowsError(try bytes.withUnsafeBufferPointer { try DocumentCodec().decodeLine($0, lineNumber: 4, sequence: 0) }) { error in
            XCTAssertEqual((error as? InputRejection)?.message, "missing text field \"text\"")
        }
    }

    func testNonStringTextFieldIsARejectionWithItsColumn() {
        let bytes = Array(#"{"text": 42}"#.utf8)
        XCTAssertThrowsError(try bytes.withUnsafeBufferPointer { try DocumentCodec().decodeLine($0, lineNumber: 4, sequence: 0) }) { error in
            let rejection = error as? InputRejection
            XCTAssertEqual(rejection?.message, "text field \"text\" is a number, expected a string")
            XCTAssertEqual(rejection?.column, 10)
        }
    }

    func testMalformedJSONNamesTheColumn() {
        let bytes = Array(#"{"text": "é" x}"#.utf8)
        XCTAssertThrowsError(try bytes.withUnsafeBufferPointer { try DocumentCodec().decodeLine($0, lineNumber: 9, sequence: 0) }) { error in
            let rejection = error as? InputRejection
            XCTAssertEqual(rejection?.column, 14)
            XCTAssertTrue(rejection?.message.hasPrefix("malformed JSON:") ?? false)
        }
    }
}
