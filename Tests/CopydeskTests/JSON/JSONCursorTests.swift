@testable import Copydesk
import Foundation
import XCTest

/// `JSONCursor`, the bounded writer behind `removed` and `trace`: it must write exactly what
/// `JSONWriter` writes for the same values.
final class JSONCursorTests: XCTestCase {
    private func written(maximum: Int, _ body: (inout JSONCursor) -> Void) -> String {
        var writer = JSONWriter()
        writer.value(maximum: maximum, body)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    func testStringsAreEscapedExactlyAsJSONStringDoes() {
        // Every ASCII byte, including each control character, plus multi-byte text, in runs longer than a word.
        var bytes = Array(0..<128).map(UInt8.init)
        bytes += Array("Ünïcødé — “quoted” 한국어 \\ \" end".utf8)
        var expected: [UInt8] = []
        bytes.withUnsafeBufferPointer { JSONString.encode($0, into: &expected) }
        let actual = written(maximum: JSONCursor.stringBound(bytes.count)) { cursor in
            bytes.withUnsafeBufferPointer { cursor.string($0) }
        }
        XCTAssertEqual(actual, String(decoding: expected, as: UTF8.self))
    }

    func testWorstCaseStringFitsItsBound() {
        let controls = [UInt8](repeating: 0x01, count: 50)
        let actual = written(maximum: JSONCursor.stringBound(controls.count)) { cursor in
            controls.withUnsafeBufferPointer { cursor.string($0) }
        }
        XCTAssertEqual(actual.utf8.count, JSONCursor.stringBound(controls.count))
    }

    func testIntegersMatchTheirDecimalSpelling() {
        for value in [0, 9, 10, 99, 100, -1, -10, 123_456_789, Int.max, Int.min] {
            XCTAssertEqual(written(maximum: JSONCursor.intBound) { $0.int(value) }, String(value))
        }
    }

    func testTraceEventJSONFitsItsBound() {
        let meta = { var m = Meta(); m.set("author", "Asha \"AR\" Rao"); return m }()
        let effects: [TraceEvent.Effect] = [
            .strip, .replace(replacement: Array("\n\n".utf8)), .extract(meta: meta, stripped: true),
            .tag(["k-pop", "music"]), .flag(category: "clickbait", severity: "low"), .drop(reason: "junk\u{1}"),
            .whitespace(edits: 3), .other(action: "annotate"),
        ]
        for effect in effects {
            let event = TraceEvent(
                stage: "st\u{0}age", rule: "r\"ule", mark: SourceMark(file: "a\\b.yaml", line: 3, column: 1),
                field: "te\nxt", range: 10..<20, text: Array("\u{2}\u{3}\"\\ matched".utf8), effect: effect)
            let json = written(maximum: event.jsonBound) { $0.traceEvent(event, span: 5..<9) }
            XCTAssertLessThanOrEqual(json.utf8.count, event.jsonBound)
            let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
            XCTAssertEqual(object?["action"] as? String, effect.name, json)
            XCTAssertEqual(object?["rule"] as? String, "r\"ule")
            XCTAssertEqual(object?["at"] as? String, "a\\b.yaml:3")
            XCTAssertEqual(object?["start"] as? Int, 5)
        }
    }
}
