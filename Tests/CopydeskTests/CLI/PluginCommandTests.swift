import Foundation
import XCTest

/// Exec plugins end to end, through the copydesk binary.
final class PluginCommandTests: XCTestCase {
    private func writeConfig(_ extra: String = "", in dir: URL) throws {
        _ = try writeTestPlugin(in: dir)
        let config = """
            stages:
              - stage: exec
                id: test
                command: [python3, test_plugin.py]
            \(extra)
            """
        try config.write(to: dir.appendingPathComponent("c.yaml"), atomically: true, encoding: .utf8)
    }

    private func lines(_ texts: [String]) -> Data {
        texts.map { #"{"text": "\#($0)"}"# + "\n" }.joined().data
    }

    func testDocumentsComeBackChangedAndInInputOrder() throws {
        let dir = try temporaryDirectory(self)
        try writeConfig("    in_flight: 4\n    workers: 2\n    config: {reverse: 3}", in: dir)
        let texts = (1...30).map { "doc \($0)" }
        let result = try runCopydesk(["run", "-c", "c.yaml", "-j", "2"], stdin: lines(texts), in: dir)
        XCTAssertEqual(result.status, 0, result.stderr)
        let got = result.stdout.split(separator: "\n").map { String($0.split(separator: "\"")[3]) }
        XCTAssertEqual(got, texts.map { $0.uppercased() })
    }

    func testPluginStderrIsForwardedPrefixedWithTheStageID() throws {
        let dir = try temporaryDirectory(self)
        try writeConfig(in: dir)
        let result = try runCopydesk(["run", "-c", "c.yaml"], stdin: lines(["some NOISE"]), in: dir)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("[test] noise from the plugin\n"), result.stderr)
    }

    func testOnErrorFailSendsTheLineToRejectsAndExitsWithOne() throws {
        let dir = try temporaryDirectory(self)
        try writeConfig("    on_error: fail", in: dir)
        let result = try runCopydesk(["run", "-c", "c.yaml", "--rejects", "rejects.jsonl"], stdin: lines(["ok", "ERROR here", "fine"]), in: dir)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(result.stdout.split(separator: "\n").count, 2)
        XCTAssertTrue(result.stderr.contains("<stdin>:2: error: [test] bad document"), result.stderr)
        XCTAssertTrue(result.stderr.contains("read 3, written 2, dropped 0, rejected 0, failed 1"), result.stderr)
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("rejects.jsonl"), encoding: .utf8), #"{"text": "ERROR here"}"# + "\n")
    }

    func testOnErrorRejectCountsTheDocumentRejectedAndExitsWithThree() throws {
        let dir = try temporaryDirectory(self)
        try writeConfig("    on_error: reject", in: dir)
        let result = try runCopydesk(["run", "-c", "c.yaml", "--rejects", "rejects.jsonl"], stdin: lines(["ERROR here", "fine"]), in: dir)
        XCTAssertEqual(result.status, 3, result.stderr)
        XCTAssertTrue(result.stderr.contains("read 2, written 1, dropped 0, rejected 1\n"), result.stderr)
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("rejects.jsonl"), encoding: .utf8), #"{"text": "ERROR here"}"# + "\n")
    }

    func testExplainShowsWhatThePluginChanged() throws {
        let dir = try temporaryDirectory(self)
        try writeConfig(in: dir)
        let result = try runCopydesk(["run", "-c", "c.yaml", "--explain"], stdin: lines(["abc"]), in: dir)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains(#""stage":"test","rule":null,"at":"c.yaml:2","action":"rewrite","field":"text""#), result.stdout)
    }

    func testAPluginThatKeepsCrashingStopsTheRunWithItsStderrTail() throws {
        let dir = try temporaryDirectory(self)
        try writeConfig("    max_restarts: 2", in: dir)
        let result = try runCopydesk(["run", "-c", "c.yaml"], stdin: lines((1...20).map { "CRASH \($0)" }), in: dir)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("copydesk: error: the run stopped early"), result.stderr)
        XCTAssertTrue(result.stderr.contains("failed 3 times (max_restarts: 2)"), result.stderr)
        XCTAssertTrue(result.stderr.contains("on input line"), result.stderr)
        XCTAssertTrue(result.stderr.contains("    about to crash on"), result.stderr)
        XCTAssertTrue(result.stderr.contains("restarting it (1 of at most 2 restarts)"), result.stderr)
    }

    func testCheckRunsTheHandshakeAndReportsThePlugin() throws {
        let dir = try temporaryDirectory(self)
        try writeConfig(in: dir)
        let result = try runCopydesk(["check", "-c", "c.yaml"], in: dir)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("ok: plugin stage test: test-plugin 9.1, protocol 1, may change fields, meta, tags, flags, drop"), result.stdout)
    }

    func testCheckReportsAFailedHandshakeAtTheCommand() throws {
        let dir = try temporaryDirectory(self)
        try writeConfig("    config: {protocol: 3}", in: dir)
        let result = try runCopydesk(["check", "-c", "c.yaml"], in: dir)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("c.yaml:4:5: error: exec stage \"test\": python3 speaks plugin protocol version 3"), result.stderr)
    }

    func testPluginsListsKindsAndThePluginVersions() throws {
        let dir = try temporaryDirectory(self)
        try writeConfig(in: dir)
        let result = try runCopydesk(["plugins", "-c", "c.yaml"], in: dir)
        XCTAssertEqual(result.status, 0, result.stderr)
        let kinds = result.stdout.split(separator: "\n").first.map(String.init) ?? ""
        XCTAssertTrue(kinds.hasPrefix("Stage kinds: regex, whitespace, entities"), result.stdout)
        for kind in ["exec", "plugin"] {
            XCTAssertTrue(kinds.contains(", \(kind)"), "missing \(kind): \(result.stdout)")
        }
        XCTAssertTrue(result.stdout.contains("  test (exec): test-plugin 9.1, protocol 1"), result.stdout)
        XCTAssertTrue(result.stdout.contains("command: python3 test_plugin.py"), result.stdout)
    }

    func testThePythonHelperTurnsDropAndExceptionsIntoAnswers() throws {
        let dir = try temporaryDirectory(self)
        let helper = packageRoot.appendingPathComponent("Plugins/python").path
        try """
            import sys
            sys.path.insert(0, \(String(reflecting: helper)))
            from copydesk_plugin import Drop, run
            def process(doc, config):
                if "spam" in doc.text:
                    raise Drop("spam")
                if "boom" in doc.text:
                    raise ValueError("cannot parse")
                doc.meta["length"] = len(doc.text)
                doc.text = doc.text.strip()
                doc.add_flag("demo", "style", "low")
                return doc
            run(process, name="helper-test", version="0.1", capabilities=["fields", "meta", "flags", "drop"])
            """.write(to: dir.appendingPathComponent("plugin.py"), atomically: true, encoding: .utf8)
        try "stages:\n  - stage: exec\n    id: py\n    command: [python3, plugin.py]\n".write(to: dir.appendingPathComponent("c.yaml"), atomically: true, encoding: .utf8)
        let result = try runCopydesk(["run", "-c", "c.yaml", "--dropped", "dropped.jsonl"], stdin: lines([" padded ", "spam here", "boom"]), in: dir)
        XCTAssertEqual(result.status, 0, result.stderr)
        let out = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(out.count, 2)
        XCTAssertTrue(out[0].hasPrefix(#"{"text": "padded","#), out[0])
        XCTAssertTrue(out[0].contains(#""meta":{"length":"8"}"#), out[0])
        XCTAssertTrue(out[0].contains(#""flags":[{"rule":"demo","category":"style","severity":"low"}],"decision":"flag""#), out[0])
        XCTAssertTrue(out[1].contains(#""errors":[{"stage":"py","message":"ValueError: cannot parse"}]"#), out[1])
        XCTAssertTrue(result.stderr.contains("[py] Traceback"), result.stderr)
        XCTAssertTrue(try String(contentsOf: dir.appendingPathComponent("dropped.jsonl"), encoding: .utf8).contains(#""reason":"spam""#))
    }

    func testTheReadabilityExamplePassesItsExamplesAndAnnotatesArticles() throws {
        let config = packageRoot.appendingPathComponent("Plugins/readability/readability.yaml").path
        let test = try runCopydesk(["test", "-c", config])
        XCTAssertEqual(test.status, 0, test.stdout + test.stderr)
        XCTAssertTrue(test.stdout.contains("3 passed, 0 failed"), test.stdout)
        let words = Array(repeating: "word", count: 700).joined(separator: " ")
        let run = try runCopydesk(["run", "-c", config], stdin: lines(["A short one.", words + "."]))
        XCTAssertEqual(run.status, 0, run.stderr)
        let out = run.stdout.split(separator: "\n")
        XCTAssertTrue(out[0].contains(#""reading_time_minutes":"1""#), String(out[0]))
        XCTAssertTrue(out[1].contains(#""reading_time_minutes":"4""#), String(out[1]))
        XCTAssertTrue(out[1].contains(#""tags":["long-read"]"#), String(out[1]))
    }

    func testTheBreakingAwkExamplePassesItsExamplesAndTagsArticles() throws {
        let config = packageRoot.appendingPathComponent("Plugins/breaking-awk/breaking.yaml").path
        let test = try runCopydesk(["test", "-c", config])
        XCTAssertEqual(test.status, 0, test.stdout + test.stderr)
        XCTAssertTrue(test.stdout.contains("3 passed, 0 failed"), test.stdout)
        let run = try runCopydesk(["run", "-c", config, "-j", "2"], stdin: lines(["BREAKING: a fire", "calm news", "JUST IN: rain"]))
        XCTAssertEqual(run.status, 0, run.stderr)
        let tags = run.stdout.split(separator: "\n").map { $0.contains(#""tags":["breaking"]"#) }
        XCTAssertEqual(tags, [true, false, true])
    }
}
