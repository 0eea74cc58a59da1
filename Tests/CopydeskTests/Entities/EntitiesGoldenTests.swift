import Foundation
import XCTest

/// The default pipeline (embedded in the binary) on a seed-style fixture article: every entity
/// with its label, code-point offsets into the cleaned text and tagger, the topic tags, and the
/// most salient mentions. The fixture is text written for this test.
///
/// Some model labels in the expected file are wrong ("OST" as ORG, "Webtoon" as LOC): they are
/// pinned on purpose, so that a retrained model or a changed rule shows up here as a diff.
final class EntitiesGoldenTests: XCTestCase {
    func testTheDefaultPipelineTagsTheFixtureArticle() throws {
        let directory = fixturesDirectory.appendingPathComponent("entities")
        let input = try Data(contentsOf: directory.appendingPathComponent("kpop-ost.jsonl"))
        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("kpop-ost.expected.json"))) as? [String: Any]
        let result = try runCopydesk(["run", "-q"], stdin: input, in: FileManager.default.temporaryDirectory)
        XCTAssertEqual(result.status, 0, result.stderr)
        let line = try XCTUnwrap(JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any])
        let copydesk = try XCTUnwrap(line["copydesk"] as? [String: Any])
        let text = try XCTUnwrap(line["text"] as? String)
        let entities = try XCTUnwrap(copydesk["entities"] as? [[String: Any]])

        let keys = ["text", "label", "start", "end", "source"]
        let actual = entities.map { entity in keys.map { "\(entity[$0] ?? "-")" }.joined(separator: "|") }
        let wanted = (expected?["entities"] as? [[String: Any]] ?? []).map { entity in keys.map { "\(entity[$0] ?? "-")" }.joined(separator: "|") }
        XCTAssertEqual(actual, wanted)

        // Offsets are code points into the cleaned text.
        let scalars = Array(text.unicodeScalars)
        for entity in entities {
            let start = try XCTUnwrap(entity["start"] as? Int), end = try XCTUnwrap(entity["end"] as? Int)
            XCTAssertEqual(String(String.UnicodeScalarView(scalars[start..<end])), entity["text"] as? String)
        }
        XCTAssertEqual(copydesk["tags"] as? [String], expected?["tags"] as? [String])
        let mentions = try XCTUnwrap(copydesk["mentions"] as? [[String: Any]])
        let top = mentions.prefix(3).map { "\($0["canonical"] ?? "")|\($0["label"] ?? "")|\($0["count"] ?? "")" }
        let wantedTop = (expected?["top_mentions"] as? [[String: Any]] ?? []).map { "\($0["canonical"] ?? "")|\($0["label"] ?? "")|\($0["count"] ?? "")" }
        XCTAssertEqual(top, wantedTop)
    }
}
