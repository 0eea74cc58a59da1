import Foundation
import XCTest
@testable import Copydesk

/// `copydesk run PATH...` over files and folders: outputs, compression, resume, side files.
final class BatchRunTests: XCTestCase {
    private let config = """
        stages:
          - stage: regex
            rules:
              - {id: junk, pattern: ' ?JUNK', action: strip}
              - {id: spam, pattern: 'SPAM', action: drop, reason: junk}
              - {id: bait, pattern: 'WOW', action: flag, category: clickbait}
        """

    /// `count` documents; every 7th is spam, every 5th clickbait, every 11th line is not JSON.
    private func documents(_ count: Int, tag: String) -> String {
        (0..<count).map { index in
            if index % 11 == 10 { return "not json \(tag) \(index)" }
            let extra = index % 7 == 3 ? " SPAM" : index % 5 == 1 ? " WOW" : ""
            return "{\"id\": \"\(tag)-\(index)\", \"text\": \"News \(index) from \(tag) JUNK\(extra).\"}"
        }.joined(separator: "\n") + "\n"
    }

    private var directory: URL!

    override func setUpWithError() throws {
        directory = try temporaryDirectory(self)
        try config.write(to: directory.appendingPathComponent("c.yaml"), atomically: true, encoding: .utf8)
    }

    private func write(_ text: String, to relative: String) throws {
        let url = directory.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(try compress([Array(text.utf8)], Compression(path: relative))).write(to: url)
    }

    /// A file's text, decompressed by its name.
    private func read(_ relative: String) throws -> String {
        let bytes = Array(try Data(contentsOf: directory.appendingPathComponent(relative)))
        let source = try Compression(path: relative).decoder(over: MemorySource(bytes), name: relative)
        return String(decoding: try readAll(source, chunk: 65_536), as: UTF8.self)
    }

    private func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent(relative).path)
    }

    private func run(_ arguments: [String], stdin: String = "") throws -> CommandResult {
        try runCopydesk(["run", "-c", "c.yaml", "--jobs", "2"] + arguments, stdin: stdin.data, in: directory)
    }

    /// What the classic filter makes of `text` on stdin.
    private func filtered(_ text: String) throws -> String {
        try run([], stdin: text).stdout
    }

    private func lineCount(_ text: String) -> Int {
        text.split(separator: "\n").count
    }

    private func hiddenFiles(under relative: String) -> [String] {
        let root = directory.appendingPathComponent(relative).path
        let all = FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []
        return all.filter { $0.split(separator: "/").last?.hasPrefix(".") == true }
    }

    func testAFolderGoesToAnOutputFolderAtTheSameRelativePathsInTheInputsCompression() throws {
        let texts = ["a.jsonl": documents(40, tag: "a"), "sub/b.jsonl.gz": documents(3000, tag: "b"), "sub/deeper/c.jsonl.zst": documents(500, tag: "c")]
        for (path, text) in texts { try write(text, to: "in/" + path) }
        let result = try run(["--output-dir", "out", "in"])
        XCTAssertEqual(result.status, 3, result.stderr)  // some lines are not JSON
        XCTAssertEqual(result.stdout, "")
        for (path, text) in texts {
            XCTAssertEqual(try read("out/" + path), try filtered(text), path)
        }
        XCTAssertEqual(hiddenFiles(under: "out"), [])
        XCTAssertTrue(result.stderr.contains("total: 3 files"), result.stderr)
    }

    func testOutputCompressionConvertsEveryOutput() throws {
        try write(documents(30, tag: "a"), to: "in/a.jsonl.gz")
        try write(documents(30, tag: "b"), to: "in/b.jsonl")
        XCTAssertEqual(try run(["--output-dir", "out", "--output-compression", "zst", "in"]).status, 3)
        XCTAssertEqual(try read("out/a.jsonl.zst"), try filtered(documents(30, tag: "a")))
        XCTAssertEqual(try read("out/b.jsonl.zst"), try filtered(documents(30, tag: "b")))
        XCTAssertEqual(try read("out/b.rejects.jsonl.zst"), "not json b 10\nnot json b 21\n")
        XCTAssertFalse(exists("out/b.jsonl"))
    }

    func testIncludeAndExcludeChooseTheFilesOfAFolder() throws {
        try write("{\"text\": \"keep JUNK\"}\n", to: "in/keep.ndjson")
        try write("{\"text\": \"skip\"}\n", to: "in/skip.jsonl")
        try write("{\"text\": \"other\"}\n", to: "in/other.log")
        let result = try run(["--include", "*.ndjson", "--include", "*.jsonl", "--exclude", "skip*", "in"])
        XCTAssertEqual(result.stdout, try filtered("{\"text\": \"keep JUNK\"}\n"))
    }

    func testSeveralInputsToStdoutComeOutInTheOrderGiven() throws {
        try write(documents(300, tag: "z"), to: "z.jsonl")
        try write(documents(300, tag: "a"), to: "a.jsonl.gz")
        let result = try run(["z.jsonl", "a.jsonl.gz"])
        XCTAssertEqual(result.stdout, try filtered(documents(300, tag: "z")) + filtered(documents(300, tag: "a")))
    }

    func testOutputWritesOneCombinedFileCompressedByItsName() throws {
        try write(documents(200, tag: "a"), to: "in/a.jsonl")
        try write(documents(200, tag: "b"), to: "in/b.jsonl.zst")
        let result = try run(["--output", "all.jsonl.gz", "in"])
        XCTAssertEqual(result.status, 3, result.stderr)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(try read("all.jsonl.gz"), try filtered(documents(200, tag: "a")) + filtered(documents(200, tag: "b")))
        XCTAssertEqual(hiddenFiles(under: "."), [])
    }

    func testRejectsAndDroppedGoBesideEachOutputAndEveryDocumentIsAccountedFor() throws {
        try write(documents(500, tag: "a"), to: "in/a.jsonl.gz")
        try write("{\"text\": \"clean\"}\n", to: "in/clean.jsonl")
        let result = try run(["--output-dir", "out", "--stats-json", "stats.json", "in"])
        XCTAssertEqual(result.status, 3, result.stderr)
        let written = lineCount(try read("out/a.jsonl.gz"))
        let dropped = lineCount(try read("out/a.dropped.jsonl.gz"))
        let rejected = lineCount(try read("out/a.rejects.jsonl.gz"))
        XCTAssertEqual(rejected, 45)
        XCTAssertEqual(dropped, 64)
        XCTAssertEqual(written + dropped + rejected, 500)
        XCTAssertTrue(try read("out/a.dropped.jsonl.gz").contains("\"reason\":\"spam: junk\""))
        XCTAssertTrue(exists("out/clean.jsonl"))
        XCTAssertFalse(exists("out/clean.rejects.jsonl"), "no side file without rejects")
        XCTAssertFalse(exists("out/clean.dropped.jsonl"))
        let stats = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("stats.json"))) as? [String: Any])
        let runTotals = try XCTUnwrap(stats["run"] as? [String: Any])
        XCTAssertEqual(runTotals["files"] as? Int, 2)
        XCTAssertEqual(runTotals["documents_in"] as? Int, 501)
        XCTAssertEqual(runTotals["documents_out"] as? Int, written + 1)
        XCTAssertEqual(runTotals["dropped"] as? Int, dropped)
        XCTAssertEqual(runTotals["rejected"] as? Int, rejected)
        XCTAssertEqual(runTotals["flagged"] as? Int, try read("out/a.jsonl.gz").components(separatedBy: "clickbait").count - 1)
        XCTAssertEqual(runTotals["bytes_in"] as? Int, try sizeOf("in/a.jsonl.gz") + sizeOf("in/clean.jsonl"))
        XCTAssertEqual(runTotals["bytes_out"] as? Int, try sizeOf("out/a.jsonl.gz") + sizeOf("out/clean.jsonl"))
    }

    private func sizeOf(_ relative: String) throws -> Int {
        try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(relative).path)[.size] as? Int)
    }

    func testRejectsAndDroppedCanBeOneFileForEveryInput() throws {
        try write(documents(30, tag: "a"), to: "in/a.jsonl")
        try write(documents(30, tag: "b"), to: "in/b.jsonl")
        XCTAssertEqual(try run(["--output-dir", "out", "--rejects", "rejects.jsonl.gz", "--dropped", "dropped.jsonl", "in"]).status, 3)
        XCTAssertEqual(Set(try read("rejects.jsonl.gz").split(separator: "\n")), ["not json a 10", "not json a 21", "not json b 10", "not json b 21"])
        XCTAssertEqual(lineCount(try read("dropped.jsonl")), 6)
        XCTAssertFalse(exists("out/a.rejects.jsonl"))
    }

    func testResumeSkipsInputsWhoseOutputExistsAndRedoesTheOthers() throws {
        for name in ["a", "b", "c"] { try write(documents(20, tag: name), to: "in/\(name).jsonl") }
        XCTAssertEqual(try run(["--output-dir", "out", "in"]).status, 3)
        try "sentinel\n".write(to: directory.appendingPathComponent("out/a.jsonl"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: directory.appendingPathComponent("out/c.jsonl"))
        let result = try run(["--output-dir", "out", "--resume", "in"])
        XCTAssertEqual(try read("out/a.jsonl"), "sentinel\n")
        XCTAssertEqual(try read("out/c.jsonl"), try filtered(documents(20, tag: "c")))
        XCTAssertTrue(result.stderr.contains("total: 1 file, 2 skipped"), result.stderr)
        XCTAssertTrue(result.stderr.contains("copydesk: read 20, written"), result.stderr)
    }

    func testAKilledRunLeavesNoFileUnderTheFinalNameAndTheNextRunClearsItsLeftovers() throws {
        let process = Process()
        process.executableURL = copydeskExecutable
        process.arguments = ["run", "-c", "c.yaml", "--jobs", "2", "--output", "out/all.jsonl", "-"]
        process.currentDirectoryURL = directory
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("out"), withIntermediateDirectories: true)
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let partial = directory.appendingPathComponent("out/.all.jsonl.partial-\(process.processIdentifier)")
        // Documents keep coming until some are on disk under the temporary name: the run is mid-way.
        let deadline = Date(timeIntervalSinceNow: 30)
        var size = 0
        while size == 0 && Date() < deadline {
            input.fileHandleForWriting.write(Data(documents(50, tag: "k").utf8))
            Thread.sleep(forTimeInterval: 0.05)
            size = (try? FileManager.default.attributesOfItem(atPath: partial.path)[.size] as? Int) ?? 0
        }
        XCTAssertGreaterThan(size, 0, "no output under the temporary name")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertFalse(exists("out/all.jsonl"), "a killed run left a file under the final name")
        XCTAssertTrue(FileManager.default.fileExists(atPath: partial.path))

        let again = try run(["--output", "out/all.jsonl", "-"], stdin: documents(10, tag: "r"))
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(try read("out/all.jsonl"), try filtered(documents(10, tag: "r")))
        XCTAssertFalse(FileManager.default.fileExists(atPath: partial.path), "the dead run's temporary file is still there")
    }

    func testACorruptShardFailsAloneAndTheOtherOutputsAreWritten() throws {
        try write(documents(50, tag: "a"), to: "in/a.jsonl")
        var broken = try compress([Array(documents(3000, tag: "b").utf8)], .gzip)
        broken.removeLast(broken.count / 2)
        try Data(broken).write(to: directory.appendingPathComponent("in/b.jsonl.gz"))
        let result = try run(["--output-dir", "out", "in"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("copydesk: error: in/b.jsonl.gz: read failed: truncated gzip data; its output was not written"), result.stderr)
        XCTAssertTrue(exists("out/a.jsonl"))
        XCTAssertFalse(exists("out/b.jsonl.gz"))
        XCTAssertEqual(hiddenFiles(under: "out"), [])
    }

    func testStdinCannotGoToAnOutputFolder() throws {
        let result = try run(["--output-dir", "out", "-"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("stdin (-) has no name to write under --output-dir"), result.stderr)
    }

    func testResumeNeedsAnOutputFolder() throws {
        XCTAssertEqual(try run(["--resume", "x.jsonl"]).status, 2)
        XCTAssertEqual(try run(["--output", "a.jsonl", "--output-dir", "out"]).status, 2)
    }
}

extension BatchRunTests {
    func testAJSONLinesShardWhoseFirstLineIsBadIsStillReadAsJSONLines() throws {
        try write("not json\n{\"text\": \"a JUNK\"}\n", to: "in/a.jsonl.gz")
        let result = try run(["--output-dir", "out", "in"])
        XCTAssertEqual(result.status, 3, result.stderr)
        XCTAssertEqual(try read("out/a.jsonl.gz"), try filtered("{\"text\": \"a JUNK\"}\n"))
        XCTAssertEqual(try read("out/a.rejects.jsonl.gz"), "not json\n")
        XCTAssertTrue(result.stderr.contains("in/a.jsonl.gz:1:1: error: malformed JSON"), result.stderr)
    }
}

extension BatchRunTests {
    func testACombinedOutputMissingAFailedInputIsNotWritten() throws {
        try write(documents(20, tag: "a"), to: "in/a.jsonl")
        var broken = try compress([Array(documents(3000, tag: "b").utf8)], .zstd)
        broken.removeLast(broken.count / 2)
        try Data(broken).write(to: directory.appendingPathComponent("in/b.jsonl.zst"))
        let result = try run(["--output", "all.jsonl", "in"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertFalse(exists("all.jsonl"))
        XCTAssertEqual(hiddenFiles(under: "."), [])
    }

    func testASingleCompressedRejectsFileIsKeptWhenAnotherInputFails() throws {
        try write(documents(30, tag: "a"), to: "in/a.jsonl")
        var broken = try compress([Array(documents(3000, tag: "b").utf8)], .gzip)
        broken.removeLast(broken.count / 2)
        try Data(broken).write(to: directory.appendingPathComponent("in/b.jsonl.gz"))
        XCTAssertEqual(try run(["--output-dir", "out", "--rejects", "rejects.jsonl.zst", "in"]).status, 1)
        XCTAssertTrue(try read("rejects.jsonl.zst").contains("not json a 10\n"))
    }
}

/// Refusals that protect the inputs and the side files.
extension BatchRunTests {
    func testASideFileOrOutputNamingAnInputIsRefusedAndTheInputIsKept() throws {
        try write(documents(20, tag: "a"), to: "ov/a.jsonl")
        try write(documents(20, tag: "b"), to: "ov/b.jsonl")
        for option in ["--rejects", "--dropped", "--output"] {
            let result = try run([option, "ov/b.jsonl", "ov"])
            XCTAssertEqual(result.status, 2, option + ": " + result.stderr)
            XCTAssertTrue(result.stderr.contains("\(option) would overwrite the input ov/b.jsonl"), result.stderr)
            XCTAssertEqual(try read("ov/b.jsonl"), documents(20, tag: "b"), option)
        }
    }

    func testASideFileThatIsAnInputUnderAnotherNameIsRefused() throws {
        try write(documents(20, tag: "a"), to: "in/a.jsonl")
        try FileManager.default.linkItem(atPath: directory.appendingPathComponent("in/a.jsonl").path, toPath: directory.appendingPathComponent("hard.jsonl").path)
        let result = try run(["--output-dir", "out", "--rejects", "hard.jsonl", "in"])
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertEqual(try read("in/a.jsonl"), documents(20, tag: "a"))
    }

    func testResumeWithOneRejectsOrDroppedFileIsAUsageError() throws {
        try write(documents(20, tag: "a"), to: "in/a.jsonl")
        for option in ["--rejects", "--dropped"] {
            let result = try run(["--output-dir", "out", "--resume", option, "side.jsonl", "in"])
            XCTAssertEqual(result.status, 2, result.stderr)
            XCTAssertTrue(result.stderr.contains("--resume cannot be used with \(option) FILE"), result.stderr)
            XCTAssertFalse(exists("out/a.jsonl"))
        }
    }

    func testASymbolicLinkLoopInAFolderReadsEachFileOnce() throws {
        try write(documents(20, tag: "a"), to: "loop/a/x.jsonl")
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("loop/a/up").path, withDestinationPath: "..")
        let result = try run(["loop"])
        XCTAssertEqual(result.status, 3, result.stderr)
        XCTAssertEqual(result.stdout, try filtered(documents(20, tag: "a")))
    }
}

/// Plugin stages in a batch: failed documents and a run the plugin stops.
extension BatchRunTests {
    private func usePlugin(_ extra: String) throws {
        _ = try writeTestPlugin(in: directory)
        try "stages:\n  - stage: exec\n    id: test\n    command: [python3, test_plugin.py]\n    \(extra)\n"
            .write(to: directory.appendingPathComponent("c.yaml"), atomically: true, encoding: .utf8)
    }

    private func statsRun(_ relative: String) throws -> [String: Any] {
        let stats = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent(relative))) as? [String: Any]
        return try XCTUnwrap(stats?["run"] as? [String: Any])
    }

    func testFailedDocumentsAreCountedInTheTableAndTheStatsJSON() throws {
        try usePlugin("on_error: fail")
        try write("{\"text\": \"ok\"}\n{\"text\": \"ERROR here\"}\n", to: "in/a.jsonl")
        let result = try run(["--output-dir", "out", "--stats-json", "stats.json", "in"])
        XCTAssertEqual(result.status, 1, result.stderr)
        let table = result.stderr.split(separator: "\n").filter { $0.hasPrefix("file ") || $0.hasPrefix("total: ") }
        XCTAssertEqual(table.map { $0.split(separator: " ", omittingEmptySubsequences: true).filter { !$0.contains(".") } },
                       [["file", "docs", "in", "out", "dropped", "rejected", "failed", "flagged", "MB", "in", "MB", "out", "seconds"],
                        ["total:", "1", "file", "2", "1", "0", "0", "1", "0"]])
        let runTotals = try statsRun("stats.json")
        XCTAssertEqual(runTotals["failed"] as? Int, 1)
        XCTAssertEqual(runTotals["documents_in"] as? Int, 2)
        let stats = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("stats.json"))) as? [String: Any]
        XCTAssertEqual((stats?["documents"] as? [String: Any])?["failed"] as? Int, 1)
    }

    func testARunAPluginStopsStillPrintsTheTableAndWritesTheStatsSoFar() throws {
        try usePlugin("max_restarts: 0")
        try write("{\"text\": \"one\"}\n{\"text\": \"two\"}\n", to: "a.jsonl")
        try write("{\"text\": \"three\"}\n{\"text\": \"CRASH\"}\n", to: "b.jsonl")
        try write("{\"text\": \"never\"}\n", to: "c.jsonl")
        let result = try run(["--stats-json", "stats.json", "a.jsonl", "b.jsonl", "c.jsonl"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("copydesk: error: the run stopped early"), result.stderr)
        let lines = result.stderr.split(separator: "\n")
        XCTAssertTrue(lines.contains { $0.hasPrefix("a.jsonl ") }, result.stderr)
        XCTAssertTrue(lines.contains { $0.hasPrefix("total: ") && $0.contains(" files, stopped early ") }, result.stderr)
        // The summary line and the stats file give the same totals, over at least a.jsonl and b.jsonl.
        let read = try XCTUnwrap(lines.last { $0.hasPrefix("copydesk: read ") }.flatMap { Int($0.dropFirst(15).prefix { $0.isNumber }) }, result.stderr)
        XCTAssertGreaterThanOrEqual(read, 4)
        let runTotals = try statsRun("stats.json")
        XCTAssertEqual(runTotals["stopped_early"] as? Bool, true)
        XCTAssertEqual(runTotals["files"] as? Int, 3)
        XCTAssertEqual(runTotals["documents_in"] as? Int, read)
    }
}
