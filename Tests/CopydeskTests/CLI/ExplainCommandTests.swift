import Foundation
import XCTest

/// `copydesk explain` on `Fixtures/explain`: a strip, an extract and a tag rule, then whitespace.
final class ExplainCommandTests: XCTestCase {
    private let fixture = fixturesDirectory.appendingPathComponent("explain")

    private func explain(_ arguments: [String], stdin: String = "") throws -> CommandResult {
        try runCopydesk(["explain", "-c", "pipeline.yaml"] + arguments, stdin: stdin.data, in: fixture)
    }

    private func lines(_ result: CommandResult) -> [String] {
        result.stdout.components(separatedBy: "\n")
    }

    func testTextOutputListsEachRuleThatFiredWithFileLineSpanAndText() throws {
        let result = try explain(["articles.jsonl"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let output = lines(result)
        XCTAssertEqual(output.first, #"document articles.jsonl:1, id "a1""#)
        XCTAssertTrue(output.contains(#"  rule byline (pipeline.yaml:7): extract text[52..<71] "Posted By: Asha Rao" -> author="Asha Rao", stripped"#), result.stdout)
        XCTAssertTrue(output.contains(#"  rule teaser (pipeline.yaml:13): strip text[18..<51] " ALSO READ: Fans queue overnight.""#), result.stdout)
        XCTAssertTrue(output.contains(#"  rule kpop (pipeline.yaml:19): tag text[6..<9] "BTS" -> tags k-pop"#), result.stdout)
    }

    func testTextOutputShowsWhatEachStageAdded() throws {
        let output = lines(try explain(["articles.jsonl"]))
        XCTAssertTrue(output.contains(#"  added meta: author="Asha Rao""#))
        XCTAssertTrue(output.contains("  added tags: k-pop"))
        XCTAssertTrue(output.contains("  whitespace (pipeline.yaml:25): 1 edit in text[51..<52]"))
    }

    func testTextOutputDiffsTheTextOfEachStage() throws {
        let output = lines(try explain(["articles.jsonl"]))
        let diff = try XCTUnwrap(output.firstIndex(of: "  diff of text:"))
        XCTAssertEqual(Array(output[(diff + 1)...(diff + 5)]), [
            "    @@ -1,2 +1,2 @@",
            "    -Sœul: BTS returns. ALSO READ: Fans queue overnight.",
            "    -Posted By: Asha Rao",
            "    +Sœul: BTS returns.",
            "    +",
        ])
    }

    func testTextOutputEndsWithTheDecision() throws {
        XCTAssertTrue(try explain(["articles.jsonl"]).stdout.hasSuffix("\n\ndecision: keep\n"))
    }

    func testTheDecisionOfADroppedDocumentComesWithItsReason() throws {
        let dir = try temporaryDirectory(self)
        try "stages:\n  - stage: regex\n    rules:\n      - {id: spam, pattern: casino, action: drop, reason: gambling}\n  - stage: whitespace\n"
            .write(to: dir.appendingPathComponent("drop.yaml"), atomically: true, encoding: .utf8)
        let result = try runCopydesk(["explain", "-c", "drop.yaml"], stdin: "{\"text\": \"casino night\"}\n".data, in: dir)
        XCTAssertTrue(result.stdout.contains("stage whitespace-2 (whitespace): not run, the document was dropped\n"), result.stdout)
        XCTAssertTrue(result.stdout.hasSuffix("decision: drop\nreason: spam: gambling\n"), result.stdout)
    }

    func testIdPicksTheDocumentWithThatNumericId() throws {
        let result = try explain(["--id", "2", "articles.jsonl"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(lines(result).first, #"document articles.jsonl:2, id "2""#)
        XCTAssertTrue(result.stdout.contains("stage cleanup (regex): no change\n"), result.stdout)
    }

    func testIdPicksTheDocumentWithThatStringIdFromStdin() throws {
        let input = try String(contentsOf: fixture.appendingPathComponent("articles.jsonl"), encoding: .utf8)
        let result = try explain(["--id", "a1"], stdin: input)
        XCTAssertEqual(lines(result).first, #"document <stdin>:1, id "a1""#)
    }

    func testLinePicksThatInputLine() throws {
        XCTAssertEqual(lines(try explain(["--line", "2", "articles.jsonl"])).first, #"document articles.jsonl:2, id "2""#)
    }

    func testAnUnknownIdExitsWithTwoAndSaysSo() throws {
        let result = try explain(["--id", "zz", "articles.jsonl"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, "copydesk: no document in articles.jsonl has id \"zz\"\n")
    }

    func testALineBeyondTheEndExitsWithTwo() throws {
        let result = try explain(["--line", "3", "articles.jsonl"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "copydesk: articles.jsonl has 2 lines, so there is no line 3\n")
    }

    func testARejectedLineExitsWithThreeAndSaysWhereAndWhy() throws {
        let result = try explain(["--line", "2"], stdin: "{\"text\": \"ok\"}\n{\"text\": 5}\n")
        XCTAssertEqual(result.status, 3)
        XCTAssertEqual(result.stderr, "<stdin>:2:10: error: text field \"text\" is a number, expected a string\n")
    }

    func testAConfigErrorExitsWithOne() throws {
        let result = try runCopydesk(["explain", "-c", "missing.yaml"], stdin: "{\"text\": \"x\"}\n".data, in: try temporaryDirectory(self))
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("1 error in the config"), result.stderr)
    }

    func testJSONFormatIsOneObjectWithEveryStage() throws {
        let result = try explain(["--format", "json", "articles.jsonl"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any])
        let stages = try XCTUnwrap(object["stages"] as? [[String: Any]])
        XCTAssertEqual(stages.map { $0["stage"] as? String }, ["cleanup", "tidy"])
        let trace = try XCTUnwrap(stages[0]["trace"] as? [[String: Any]])
        XCTAssertEqual(trace.map { $0["rule"] as? String }, ["byline", "teaser", "kpop"])
        XCTAssertEqual(trace[1]["start"] as? Int, 18)
        XCTAssertEqual(trace[1]["at"] as? String, "pipeline.yaml:13")
        XCTAssertEqual((stages[0]["added"] as? [String: Any])?["tags"] as? [String], ["k-pop"])
        XCTAssertEqual(stages[0]["diff"] as? [String], [
            "@@ -1,2 +1,2 @@", "-Sœul: BTS returns. ALSO READ: Fans queue overnight.", "-Posted By: Asha Rao", "+Sœul: BTS returns.", "+",
        ])
        XCTAssertEqual(object["after"] as? String, "Sœul: BTS returns.")
        XCTAssertEqual(object["decision"] as? String, "keep")
    }

    func testTheDiffIsPlainWhenStdoutIsNotATerminal() throws {
        let result = try explain(["articles.jsonl"])
        XCTAssertFalse(result.stdout.contains("\u{1B}["), result.stdout)
    }

    func testColorAlwaysPaintsRemovedLinesRedAndAddedLinesGreen() throws {
        let output = lines(try explain(["--color", "always", "articles.jsonl"]))
        XCTAssertTrue(output.contains("    \u{1B}[31m-Posted By: Asha Rao\u{1B}[0m"), output.joined(separator: "\n"))
        XCTAssertTrue(output.contains("    \u{1B}[32m+Sœul: BTS returns.\u{1B}[0m"), output.joined(separator: "\n"))
    }
}
