import Foundation
import XCTest

final class RunCommandTests: XCTestCase {
    private let customConfig = """
        stages:
          - stage: regex
            rules:
              - {id: junk, pattern: ' ?JUNK', action: strip}
          - stage: whitespace
        """

    func testRunWithTheEmbeddedDefaultWorksFromAnEmptyFolder() throws {
        let dir = try temporaryDirectory(self)
        let result = try runCopydesk(["run"], stdin: "Real news here.\nPosted By: Asha Rao\n".data, in: dir)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "Real news here.\n")
        XCTAssertTrue(result.stderr.contains("copydesk: read 1, written 1, dropped 0, rejected 0"), result.stderr)
    }

    func testConfigFlagEnvironmentAndLocalFileAreUsedInThatOrder() throws {
        let dir = try temporaryDirectory(self)
        try customConfig.write(to: dir.appendingPathComponent("copydesk.yaml"), atomically: true, encoding: .utf8)
        try customConfig.replacingOccurrences(of: "JUNK", with: "ENV").write(to: dir.appendingPathComponent("env.yaml"), atomically: true, encoding: .utf8)
        let input = "a JUNK ENV b".data
        XCTAssertEqual(try runCopydesk(["run"], stdin: input, in: dir).stdout, "a ENV b\n")
        XCTAssertEqual(try runCopydesk(["run"], stdin: input, in: dir, environment: ["COPYDESK_CONFIG": "env.yaml"]).stdout, "a JUNK b\n")
        XCTAssertEqual(try runCopydesk(["run", "--config", "copydesk.yaml"], stdin: input, in: dir, environment: ["COPYDESK_CONFIG": "env.yaml"]).stdout, "a ENV b\n")
    }

    func testConfigErrorExitsWithOneAndProcessesNothing() throws {
        let dir = try temporaryDirectory(self)
        try "stages:\n  - stage: regex\n    rules:\n      - {id: a, pattern: '(', action: strip}\n".write(to: dir.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        let result = try runCopydesk(["run", "--config", "bad.yaml"], stdin: "{\"text\": \"x\"}\n".data, in: dir)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.contains("bad.yaml:4:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("invalid pattern"), result.stderr)
    }

    func testUsageErrorExitsWithTwo() throws {
        XCTAssertEqual(try runCopydesk(["run", "--jobs", "0"]).status, 2)
        XCTAssertEqual(try runCopydesk(["run", "--no-such-flag"]).status, 2)
        XCTAssertEqual(try runCopydesk(["frobnicate"]).status, 2)
    }

    func testAMissingInputFileIsAUsageErrorNamingTheFile() throws {
        let result = try runCopydesk(["run", "no-such-file.jsonl"], in: try temporaryDirectory(self))
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "copydesk: error: cannot open no-such-file.jsonl: No such file or directory\n")
    }

    func testRejectedInputExitsWithThreeAndWritesTheRejectsFile() throws {
        let dir = try temporaryDirectory(self)
        let result = try runCopydesk(["run", "--rejects", "rejects.jsonl", "--dropped", "dropped.jsonl"], stdin: "{\"text\": \"ok\"}\nnot json\n".data, in: dir)
        XCTAssertEqual(result.status, 3)
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("rejects.jsonl"), encoding: .utf8), "not json\n")
        XCTAssertTrue(result.stderr.contains("<stdin>:2:1: error: malformed JSON"), result.stderr)
        XCTAssertTrue(result.stderr.contains("read 2, written 1, dropped 0, rejected 1"), result.stderr)
    }

    func testExplainAddsRemovedSpans() throws {
        let dir = try temporaryDirectory(self)
        try customConfig.write(to: dir.appendingPathComponent("c.yaml"), atomically: true, encoding: .utf8)
        let result = try runCopydesk(["run", "-c", "c.yaml", "--explain"], stdin: "{\"text\": \"ab JUNK\"}\n".data, in: dir)
        XCTAssertTrue(result.stdout.contains(#""removed":[{"rule":"junk","start":2,"end":7,"text":" JUNK"}]"#), result.stdout)
    }

    func testExplainAddsATraceOfEveryRuleThatFired() throws {
        let dir = try temporaryDirectory(self)
        try customConfig.write(to: dir.appendingPathComponent("c.yaml"), atomically: true, encoding: .utf8)
        let result = try runCopydesk(["run", "-c", "c.yaml", "--explain"], stdin: "{\"text\": \"ab JUNK\"}\n".data, in: dir)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains(#""trace":[{"stage":"regex-1","rule":"junk","at":"c.yaml:4","action":"strip","field":"text","start":2,"end":7,"text":" JUNK"}]"#), result.stdout)
    }

    func testWithoutExplainTheCopydeskObjectHasNoRemovedOrTrace() throws {
        let dir = try temporaryDirectory(self)
        try customConfig.write(to: dir.appendingPathComponent("c.yaml"), atomically: true, encoding: .utf8)
        let result = try runCopydesk(["run", "-c", "c.yaml"], stdin: "{\"text\": \"ab JUNK\"}\n".data, in: dir)
        XCTAssertEqual(result.stdout, #"{"text": "ab","copydesk":{"meta":{},"tags":[],"flags":[],"decision":"keep","errors":[]}}"# + "\n")
    }

    func testTextFieldAndOutputKeyCanBeRenamed() throws {
        let dir = try temporaryDirectory(self)
        try customConfig.replacingOccurrences(of: "stage: whitespace", with: "stage: whitespace\n    fields: [body]")
            .replacingOccurrences(of: "action: strip}", with: "action: strip, field: body}")
            .write(to: dir.appendingPathComponent("c.yaml"), atomically: true, encoding: .utf8)
        let result = try runCopydesk(["run", "-c", "c.yaml", "--text-field", "body", "--output-key", "_cd"], stdin: "{\"body\": \"x JUNK\"}\n".data, in: dir)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix(#"{"body": "x","_cd":{"#), result.stdout)
    }
}
