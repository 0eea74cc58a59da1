import Copydesk
import Foundation
import XCTest

final class JSONWriterTests: XCTestCase {
    private func text(_ writer: JSONWriter) -> String {
        String(decoding: writer.bytes, as: UTF8.self)
    }

    func testCommasSeparateMembersAndElementsButNotKeysAndValues() {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("meta")
        writer.beginObject()
        writer.endObject()
        writer.key("tags")
        writer.beginArray()
        writer.string("a")
        writer.string("b")
        writer.endArray()
        writer.key("n")
        writer.int(3)
        writer.endObject()
        XCTAssertEqual(text(writer), #"{"meta":{},"tags":["a","b"],"n":3}"#)
    }

    func testEmptyContainersHaveNoCommas() {
        var writer = JSONWriter()
        writer.beginArray()
        writer.beginArray()
        writer.endArray()
        writer.beginObject()
        writer.endObject()
        writer.endArray()
        XCTAssertEqual(text(writer), "[[],{}]")
    }

    func testScalarValuesUseJSONSpelling() {
        var writer = JSONWriter()
        writer.beginArray()
        writer.bool(true)
        writer.bool(false)
        writer.null()
        writer.int(-42)
        writer.double(1.5)
        writer.raw(Array(#"{"x":1}"#.utf8))
        writer.endArray()
        XCTAssertEqual(text(writer), #"[true,false,null,-42,1.5,{"x":1}]"#)
    }

    func testNonFiniteDoublesBecomeNull() {
        var writer = JSONWriter()
        writer.beginArray()
        writer.double(.nan)
        writer.double(.infinity)
        writer.endArray()
        XCTAssertEqual(text(writer), "[null,null]")
    }

    func testStringsAndDynamicKeysAreEscaped() {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key(dynamic: "a\"b")
        let bytes = Array("line\nbreak é".utf8)
        bytes.withUnsafeBufferPointer { writer.string(bytes: $0) }
        writer.endObject()
        XCTAssertEqual(text(writer), #"{"a\"b":"line\nbreak é"}"#)
    }

    func testIntegersAreWrittenInFull() {
        var writer = JSONWriter()
        writer.beginArray()
        for value in [0, 7, -7, 10, 1_000_000, Int.max, Int.min] { writer.int(value) }
        writer.endArray()
        XCTAssertEqual(text(writer), "[0,7,-7,10,1000000,\(Int.max),\(Int.min)]")
    }

    func testAppendingWriterKeepsExistingBytes() {
        var writer = JSONWriter(appendingTo: Array(#"{"id":1,"#.utf8))
        writer.key("copydesk")
        writer.beginObject()
        writer.key("decision")
        writer.string("keep")
        writer.endObject()
        XCTAssertEqual(text(writer), #"{"id":1,"copydesk":{"decision":"keep"}"#)
    }

    func testCopydeskObjectIsReadBackByFoundation() throws {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("meta")
        writer.beginObject()
        writer.key("author")
        writer.string("Staff \"Reporter\"\t/ दिल्ली")
        writer.endObject()
        writer.key("tags")
        writer.beginArray()
        writer.string("politics")
        writer.string("😀")
        writer.endArray()
        writer.key("flags")
        writer.beginArray()
        for (rule, severity) in [("clickbait-1", "low"), ("spam", "high")] {
            writer.beginObject()
            writer.key("rule")
            writer.string(rule)
            writer.key("category")
            writer.string("clickbait")
            writer.key("severity")
            writer.string(severity)
            writer.endObject()
        }
        writer.endArray()
        writer.key("removed")
        writer.beginArray()
        writer.beginObject()
        writer.key("start")
        writer.int(12)
        writer.key("end")
        writer.int(40)
        writer.key("ratio")
        writer.double(0.25)
        writer.endObject()
        writer.endArray()
        writer.key("decision")
        writer.string("flag")
        writer.key("ok")
        writer.bool(false)
        writer.key("errors")
        writer.beginArray()
        writer.endArray()
        writer.key("none")
        writer.null()
        writer.endObject()

        let parsed = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(writer.bytes)) as? NSDictionary)
        let expected: NSDictionary = [
            "meta": ["author": "Staff \"Reporter\"\t/ दिल्ली"],
            "tags": ["politics", "😀"],
            "flags": [
                ["rule": "clickbait-1", "category": "clickbait", "severity": "low"],
                ["rule": "spam", "category": "clickbait", "severity": "high"],
            ],
            "removed": [["start": 12, "end": 40, "ratio": 0.25]],
            "decision": "flag",
            "ok": false,
            "errors": [] as [Any],
            "none": NSNull(),
        ]
        XCTAssertEqual(parsed, expected)
        XCTAssertEqual(
            try JSONLineObject.parse(writer.bytes).members.map(\.key),
            ["meta", "tags", "flags", "removed", "decision", "ok", "errors", "none"])
    }
}
