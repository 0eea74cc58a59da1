import Foundation
import XCTest
@testable import Copydesk

final class PipelineRunnerTests: XCTestCase {
    private struct Outcome {
        var summary: RunSummary
        var output: String
        var rejects: String
        var dropped: String
        var log: String
        var rejectBytes: Data
    }

    private func run(_ input: String, pipeline: Pipeline, options: RunOptions = RunOptions()) throws -> Outcome {
        try run(Data(input.utf8), pipeline: pipeline, options: options)
    }

    private func run(_ input: Data, pipeline: Pipeline, options: RunOptions = RunOptions()) throws -> Outcome {
        let dir = try temporaryDirectory(self)
        let inputURL = dir.appendingPathComponent("in")
        try input.write(to: inputURL)
        let paths = ["out", "rejects", "dropped", "log"].map { dir.appendingPathComponent($0).path }
        let sinks = PipelineRunner.Sinks(
            output: try ByteSink(path: paths[0]), rejects: try ByteSink(path: paths[1]),
            dropped: try ByteSink(path: paths[2]), log: try ByteSink(path: paths[3]))
        let fd = open(inputURL.path, O_RDONLY)
        defer { close(fd) }
        let summary = try PipelineRunner(pipeline: pipeline, options: options).run(input: fd, sinks: sinks)
        let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        return Outcome(
            summary: summary, output: read(paths[0]), rejects: read(paths[1]), dropped: read(paths[2]), log: read(paths[3]),
            rejectBytes: (try? Data(contentsOf: URL(fileURLWithPath: paths[1]))) ?? Data())
    }

    private let pipeline = try! makePipeline(ruleStage("""
          - id: junk
            pattern: ' ?JUNK'
            action: strip
          - id: spam
            pattern: 'SPAM'
            action: drop
            reason: spam
    """))

    func testOutputKeepsInputOrderWithTwoJobsOverThousandsOfDocuments() throws {
        let count = 5000
        var input = ""
        for i in 0..<count {
            input += #"{"id": \#(i), "text": "doc \#(i) JUNK \#(String(repeating: "x", count: i % 97))"}"# + "\n"
        }
        let outcome = try run(input, pipeline: pipeline, options: RunOptions(jobs: 2))
        let ids = outcome.output.split(separator: "\n").map { line -> Int in
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["id"] as? Int ?? -1
        }
        XCTAssertEqual(ids, Array(0..<count))
        XCTAssertEqual(outcome.summary.written, count)
        XCTAssertFalse(outcome.output.contains("JUNK"))
    }

    func testRejectsAndDropsAreCountedAndWrittenAndTheCountsAddUp() throws {
        var input = Data("""
            {"text": "good JUNK one"}
            {"text": broken}
            {"text": "SPAM here"}

            {"title": "no text"}
            {"text": 12}

            """.utf8)
        input.append(contentsOf: Array(#"{"text": ""#.utf8) + [0xFF] + Array("bad\"}\n".utf8))
        input.append(contentsOf: Array(#"{"text": "good two"}"#.utf8))
        let outcome = try run(input, pipeline: pipeline)
        let summary = outcome.summary
        XCTAssertEqual(summary.read, 7)
        XCTAssertEqual(summary.written, 2)
        XCTAssertEqual(summary.dropped, 1)
        XCTAssertEqual(summary.rejected, 4)
        XCTAssertEqual(summary.read, summary.written + summary.dropped + summary.rejected)
        XCTAssertTrue(outcome.log.contains("<stdin>:2:10: error: malformed JSON"), outcome.log)
        XCTAssertTrue(outcome.log.contains("<stdin>:5:1: error: missing text field \"text\""), outcome.log)
        XCTAssertTrue(outcome.log.contains("<stdin>:6:10: error: text field \"text\" is a number"), outcome.log)
        XCTAssertTrue(outcome.log.contains("<stdin>:7:11: error: malformed JSON: invalid UTF-8"), outcome.log)
        XCTAssertEqual(outcome.rejectBytes.split(separator: UInt8(ascii: "\n")).count, 4)
        XCTAssertTrue(outcome.rejectBytes.contains(0xFF))
        XCTAssertTrue(outcome.dropped.contains(#""decision":"drop","reason":"spam: spam""#), outcome.dropped)
    }

    func testAnOverlongLineIsRejectedWithoutStoppingTheRun() throws {
        let long = #"{"text": ""# + String(repeating: "y", count: 5000) + #""}"#
        let input = #"{"text": "a"}"# + "\n" + long + "\n" + #"{"text": "b"}"# + "\n"
        let outcome = try run(input, pipeline: pipeline, options: RunOptions(maxLineBytes: 1000))
        XCTAssertEqual(outcome.summary.written, 2)
        XCTAssertEqual(outcome.summary.rejected, 1)
        XCTAssertEqual(outcome.rejects, long + "\n")
        XCTAssertTrue(outcome.log.contains("<stdin>:2: error: line is 5012 bytes, over the limit of 1000"), outcome.log)
    }

    func testALineLongerThanAReadBufferIsStreamedToTheRejectsFile() throws {
        let long = #"{"text": ""# + String(repeating: "z", count: 700_000) + #""}"#
        let input = #"{"text": "a"}"# + "\n" + long + "\n" + #"{"text": "b JUNK"}"# + "\n" + long
        let outcome = try run(input, pipeline: pipeline, options: RunOptions(maxLineBytes: 1000))
        XCTAssertEqual(outcome.summary.read, 4)
        XCTAssertEqual(outcome.summary.written, 2)
        XCTAssertEqual(outcome.summary.rejected, 2)
        XCTAssertEqual(outcome.rejects, long + "\n" + long + "\n")
        XCTAssertTrue(outcome.log.contains("<stdin>:2: error: line is 700012 bytes"), outcome.log)
        XCTAssertTrue(outcome.log.contains("<stdin>:4: error: line is 700012 bytes"), outcome.log)
        XCTAssertTrue(outcome.output.contains(#""text": "b","#), outcome.output)
    }

    func testALastLineWithoutNewlineIsADocument() throws {
        let outcome = try run("{\"text\": \"a\"}\n{\"text\": \"b JUNK\"}", pipeline: pipeline)
        XCTAssertEqual(outcome.summary.written, 2)
        XCTAssertTrue(outcome.output.hasSuffix("\"b\",\"copydesk\":{\"meta\":{},\"tags\":[],\"flags\":[],\"decision\":\"keep\",\"errors\":[]}}\n"), outcome.output)
    }

    func testPlainTextInputIsOneDocumentAndComesOutAsText() throws {
        let outcome = try run("A story JUNK.\n\nMore {text}.\n", pipeline: pipeline)
        XCTAssertEqual(outcome.output, "A story.\n\nMore {text}.\n")
        XCTAssertEqual(outcome.summary.read, 1)
    }

    func testPlainTextCanBeWrittenAsJSONLines() throws {
        let outcome = try run("A JUNK b", pipeline: pipeline, options: RunOptions(outputFormat: .jsonl))
        let object = try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any]
        XCTAssertEqual(object?["text"] as? String, "A b")
        XCTAssertNotNil(object?["copydesk"])
    }

    func testJSONLinesCanBeWrittenAsText() throws {
        let outcome = try run("{\"text\": \"a JUNK\"}\n{\"text\": \"b\"}\n", pipeline: pipeline, options: RunOptions(outputFormat: .text))
        XCTAssertEqual(outcome.output, "a\n\nb\n\n")
    }

    func testInvalidUTF8InPlainTextIsRejectedWithItsPosition() throws {
        let dir = try temporaryDirectory(self)
        let url = dir.appendingPathComponent("in")
        try Data([0x61, 0x0A, 0x62, 0x62, 0xC3, 0x28]).write(to: url)
        let fd = open(url.path, O_RDONLY)
        defer { close(fd) }
        let logPath = dir.appendingPathComponent("log").path
        let summary = try PipelineRunner(pipeline: pipeline, options: RunOptions()).run(
            input: fd, sinks: .init(output: try ByteSink(path: dir.appendingPathComponent("out").path), log: try ByteSink(path: logPath)))
        XCTAssertEqual(summary.rejected, 1)
        XCTAssertEqual(try String(contentsOfFile: logPath, encoding: .utf8), "<stdin>:2:3: error: invalid UTF-8 byte 0xC3\n")
    }
}
