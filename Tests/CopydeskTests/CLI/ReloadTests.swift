import Foundation
import XCTest

/// `copydesk run` as a long-running filter whose config is edited under it.
final class ReloadTests: XCTestCase {
    private func config(stripping word: String) -> String {
        """
        stages:
          - stage: regex
            include: [rules/*.yaml]
            rules:
              - id: strip-word
                pattern: ' ?\(word)'
                action: strip
                examples: [{input: "a \(word) b", output: "a b"}]
        """
    }

    private final class Filter: @unchecked Sendable {
        let process = Process()
        let input = Pipe()
        let output: PipeLineReader
        let errors: PipeLineReader

        init(arguments: [String], in directory: URL) throws {
            let out = Pipe()
            let err = Pipe()
            process.executableURL = copydeskExecutable
            process.arguments = arguments
            process.currentDirectoryURL = directory
            process.standardInput = input
            process.standardOutput = out
            process.standardError = err
            output = PipeLineReader(out.fileHandleForReading)
            errors = PipeLineReader(err.fileHandleForReading)
            try process.run()
        }

        func send(_ id: Int, _ text: String) {
            input.fileHandleForWriting.write(Data("{\"id\": \(id), \"text\": \"\(text)\"}\n".utf8))
        }

        /// The next output document's id and text.
        func receive() throws -> (id: Int, text: String) {
            let line = try XCTUnwrap(output.nextLine(timeout: 30), "no output document")
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return (object["id"] as? Int ?? -1, object["text"] as? String ?? "")
        }

        /// Reads stderr until a line containing `text`; returns the lines read.
        func awaitLog(_ text: String) throws -> [String] {
            var lines: [String] = []
            while true {
                let line = try XCTUnwrap(errors.nextLine(timeout: 30), "stderr never said \(text); saw \(lines)")
                lines.append(line)
                if line.contains(text) { return lines }
            }
        }

        func finish() throws -> Int32 {
            try input.fileHandleForWriting.close()
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    private func setUp(_ word: String) throws -> URL {
        let dir = try temporaryDirectory(self)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("rules"), withIntermediateDirectories: true)
        try config(stripping: word).write(to: dir.appendingPathComponent("c.yaml"), atomically: true, encoding: .utf8)
        return dir
    }

    func testAnEditedConfigIsReloadedAndTheNextDocumentIsNotLost() throws {
        let dir = try setUp("OLD")
        let filter = try Filter(arguments: ["run", "-c", "c.yaml", "--watch", "--watch-interval", "0.1", "--jobs", "2"], in: dir)
        filter.send(0, "OLD NEW x")
        XCTAssertEqual(try filter.receive().text, "NEW x")

        try config(stripping: "NEW").write(to: dir.appendingPathComponent("c.yaml"), atomically: true, encoding: .utf8)
        _ = try filter.awaitLog("reloaded config generation 2 (config changed): 1 stages, 1 rules")
        // The first document after the reload must come out, on the new config.
        filter.send(1, "OLD NEW x")
        let first = try filter.receive()
        XCTAssertEqual(first.id, 1)
        XCTAssertEqual(first.text, "OLD x")

        // A new file under the include glob counts as a change.
        try "rules:\n  - {id: strip-x, pattern: ' ?x', action: strip, examples: [{input: 'a x', output: 'a'}]}\n"
            .write(to: dir.appendingPathComponent("rules/extra.yaml"), atomically: true, encoding: .utf8)
        _ = try filter.awaitLog("reloaded config generation 3 (config changed): 1 stages, 2 rules")
        filter.send(2, "OLD NEW x")
        XCTAssertEqual(try filter.receive().text, "OLD")
        XCTAssertEqual(try filter.finish(), 0)
    }

    func testABrokenConfigKeepsTheOldPipelineAndSaysWhere() throws {
        let dir = try setUp("OLD")
        let filter = try Filter(arguments: ["run", "-c", "c.yaml", "--watch", "--watch-interval", "0.1"], in: dir)
        filter.send(-1, "started")
        XCTAssertEqual(try filter.receive().id, -1)
        try "stages:\n  - stage: regex\n    rules:\n      - {id: a, pattern: '(', action: strip}\n"
            .write(to: dir.appendingPathComponent("c.yaml"), atomically: true, encoding: .utf8)
        let log = try filter.awaitLog("reload failed (config changed): 1 config error; keeping generation 1")
        XCTAssertTrue(log.contains { $0.hasPrefix("c.yaml:4:") && $0.contains("invalid pattern") }, "\(log)")
        filter.send(0, "OLD NEW")
        XCTAssertEqual(try filter.receive().text, "NEW")

        // A config whose rule examples fail is refused too.
        try config(stripping: "NEW").replacingOccurrences(of: "output: \"a b\"", with: "output: \"wrong\"")
            .write(to: dir.appendingPathComponent("c.yaml"), atomically: true, encoding: .utf8)
        let examples = try filter.awaitLog("reload failed (config changed): 1 rule example failed; keeping generation 1")
        XCTAssertTrue(examples.contains { $0.contains("rule strip-word: expected \"wrong\"") }, "\(examples)")
        filter.send(1, "OLD NEW")
        XCTAssertEqual(try filter.receive().text, "NEW")
        XCTAssertEqual(try filter.finish(), 0)
    }

    func testSIGHUPReloadsAndAStreamAcrossReloadsLosesAndReordersNothing() throws {
        let dir = try setUp("A")
        let filter = try Filter(arguments: ["run", "-c", "c.yaml", "--jobs", "2"], in: dir)
        filter.send(-1, "started")
        XCTAssertEqual(try filter.receive().id, -1)
        let count = 3000
        let writer = Thread {
            for id in 0..<count {
                filter.send(id, "A B C \(id)")
                if id % 100 == 0 { usleep(2000) }
            }
        }
        writer.start()
        for (generation, word) in ["B", "C", "A", "B", "C"].enumerated() {
            usleep(20_000)
            try config(stripping: word).write(to: dir.appendingPathComponent("c.yaml"), atomically: true, encoding: .utf8)
            kill(filter.process.processIdentifier, SIGHUP)
            _ = try filter.awaitLog("reloaded config generation \(generation + 2) (SIGHUP)")
        }
        var ids: [Int] = []
        for _ in 0..<count { ids.append(try filter.receive().id) }
        XCTAssertEqual(ids, Array(0..<count))
        while writer.isExecuting { usleep(1000) }
        XCTAssertEqual(try filter.finish(), 0)
        XCTAssertNil(filter.output.nextLine(timeout: 1), "no extra document")
    }
}
