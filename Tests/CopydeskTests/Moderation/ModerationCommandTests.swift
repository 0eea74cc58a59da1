import Foundation
import XCTest
@testable import Copydesk

final class ModerationCommandTests: XCTestCase {
    func testDroppedDocumentsGoToTheDroppedFileWithTheirReasons() throws {
        let folder = try temporaryDirectory(self)
        try """
            policy:
              - {type: card, action: drop}
            stages:
              - stage: pii
            """.write(to: folder.appendingPathComponent("copydesk.yaml"), atomically: true, encoding: .utf8)
        let input = #"{"id":1,"text":"card 4111 1111 1111 1111"}"# + "\n" + #"{"id":2,"text":"nothing here"}"# + "\n"
        let result = try runCopydesk(["run", "-q", "--dropped", "dropped.jsonl"], stdin: Data(input.utf8), in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout.split(separator: "\n").count, 1)
        let dropped = try String(contentsOf: folder.appendingPathComponent("dropped.jsonl"), encoding: .utf8)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(dropped.utf8)) as? [String: Any])
        let copydesk = try XCTUnwrap(object["copydesk"] as? [String: Any])
        XCTAssertEqual(copydesk["decision"] as? String, "drop")
        XCTAssertEqual(copydesk["reasons"] as? [String], ["pii.card"])
        XCTAssertFalse(dropped.contains("\"text\":\"4111"), "no matched text in the moderation output")
    }

    func testInitShowsThePolicyCommentedOutAndWritesTheModerationFiles() throws {
        let folder = try temporaryDirectory(self)
        let result = try runCopydesk(["init"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let config = try String(contentsOf: folder.appendingPathComponent("copydesk.yaml"), encoding: .utf8)
        XCTAssertTrue(config.contains("# policy:"))
        XCTAssertTrue(config.contains("action: redact, redact: mask"))
        for file in ["moderation/pii.yaml", "moderation/clickbait.yaml", "moderation/lexicon/profanity.yaml"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path), file)
        }
    }

    func testDefaultPipelineModerationExamplesPass() throws {
        let pipeline = try ConfigLocation.embedded("pipeline.yaml").load()
        let results = pipeline.runExamples(context: WorkerContext())
        let moderation = results.filter { $0.mark.file.contains("moderation/") }
        XCTAssertGreaterThan(moderation.count, 80)
        XCTAssertEqual(moderation.filter { !$0.passed }.map { "\($0.mark): \($0.failure ?? "")" }, [])
    }
}
