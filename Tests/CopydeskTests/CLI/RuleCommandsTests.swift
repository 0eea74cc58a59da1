import Foundation
import XCTest

final class RuleCommandsTests: XCTestCase {
    func testTestCommandPrintsFailuresAndTheTally() throws {
        let dir = try temporaryDirectory(self)
        try """
            stages:
              - stage: regex
                rules:
                  - id: teaser
                    pattern: 'Read more: [^.]*\\.\\s*'
                    action: strip
                    examples:
                      - {input: "A. Read more: B. C.", output: "A. C."}
                      - {input: "A. Read more: B. C.", output: "nope"}
                      - {input: "children who read more books", matches: false}
            """.write(to: dir.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
        let result = try runCopydesk(["test", "--config", "p.yaml"], in: dir)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "p.yaml:9: rule teaser: expected \"nope\" got \"A. C.\"\n2 passed, 1 failed\n")
    }

    func testTestCommandPassesOnTheDefaultRules() throws {
        let result = try runCopydesk(["test"], in: try temporaryDirectory(self))
        XCTAssertEqual(result.status, 0, result.stdout)
        XCTAssertTrue(result.stdout.hasSuffix(" passed, 0 failed\n"), result.stdout)
    }

    func testCheckSummarisesAValidConfig() throws {
        let result = try runCopydesk(["check"], in: try temporaryDirectory(self))
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("ok: <embedded>/pipeline.yaml: "), result.stdout)
        XCTAssertTrue(result.stdout.contains(" rules, "), result.stdout)
    }

    func testCheckReportsEveryErrorAndExitsWithOne() throws {
        let dir = try temporaryDirectory(self)
        try "stages:\n  - stage: regex\n    rules:\n      - {id: a, pattern: '(', action: strip}\n      - {id: b, pattern: 'x', action: zap}\n"
            .write(to: dir.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
        let result = try runCopydesk(["check", "-c", "p.yaml"], in: dir)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("p.yaml:4:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("p.yaml:5:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("2 errors"), result.stderr)
    }

    func testAConfigWithInvalidUTF8NamesTheLineAndColumn() throws {
        let dir = try temporaryDirectory(self)
        var bytes = Array("stages:\n  - stage: regex\n    rules: [{id: a, pattern: \"".utf8)
        bytes += [0xFF] + Array("\", action: strip}]\n".utf8)
        try Data(bytes).write(to: dir.appendingPathComponent("p.yaml"))
        let result = try runCopydesk(["check", "-c", "p.yaml"], in: dir)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasPrefix("p.yaml:3:31: error:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("0xFF"), result.stderr)
    }

    func testInitWritesAnEditableCopyThatRunsAsTheDefault() throws {
        let dir = try temporaryDirectory(self)
        let result = try runCopydesk(["init", "rules"], in: dir)
        XCTAssertEqual(result.status, 0, result.stderr)
        let written = dir.appendingPathComponent("rules")
        XCTAssertTrue(FileManager.default.fileExists(atPath: written.appendingPathComponent("copydesk.yaml").path))
        let check = try runCopydesk(["check"], in: written)
        XCTAssertTrue(check.stdout.hasPrefix("ok: copydesk.yaml:"), check.stdout + check.stderr)
        XCTAssertEqual(try runCopydesk(["init", "rules"], in: dir).status, 1, "refuses to overwrite")
    }
}
