import Foundation
import XCTest
@testable import Copydesk

/// Compiles a pipeline from in-memory files (the pipeline is `pipeline.yaml`).
func makePipeline(_ pipeline: String, files: [String: String] = [:]) throws(ConfigError) -> Pipeline {
    var all = files
    all["pipeline.yaml"] = pipeline
    return try PipelineLoader(fileSystem: InMemoryFileSystem(files: all)).load("pipeline.yaml")
}

/// The errors a config produces (empty if it compiles).
func configErrors(_ pipeline: String, files: [String: String] = [:]) -> [String] {
    do {
        _ = try makePipeline(pipeline, files: files)
        return []
    } catch {
        return zip(error.diagnostics, error.rendered).filter { $0.0.severity == .error }.map(\.1)
    }
}

/// A pipeline with one regex stage holding `rules` (YAML list items, indented by 6 spaces).
func ruleStage(_ rules: String) -> String {
    """
    stages:
      - stage: regex
        rules:
    \(rules)
    """
}

/// Runs `text` (as the `text` field, plus `fields`) through a pipeline.
func process(_ text: String, fields: [String: String] = [:], through pipeline: Pipeline, tracksOrigins: Bool = true) -> Document {
    var all = fields.mapValues { Array($0.utf8) }
    all["text"] = Array(text.utf8)
    var document = Document(fields: all, tracksOrigins: tracksOrigins)
    pipeline.process(&document, context: WorkerContext(tracksOrigins: tracksOrigins))
    return document
}

/// The root of the package, for fixtures and Rules/.
let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

let fixturesDirectory = packageRoot.appendingPathComponent("Tests/CopydeskTests/Fixtures")

/// A temporary folder removed at the end of the test.
func temporaryDirectory(_ test: XCTestCase) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("copydesk-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
}

/// Result of running the copydesk binary.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
    var stdoutBytes: Data
}

/// The built `copydesk` executable, next to the test bundle.
var copydeskExecutable: URL {
    let bundle = Bundle(for: BundleLocator.self).bundleURL
    // Linux: the bundle URL is the products folder; macOS: the .xctest bundle inside it.
    let folder = bundle.pathExtension == "xctest" ? bundle.deletingLastPathComponent() : bundle
    return folder.appendingPathComponent("copydesk")
}

private final class BundleLocator {}

/// Runs `copydesk` with arguments and stdin; files for stdin avoid pipe deadlocks on big inputs.
func runCopydesk(_ arguments: [String], stdin: Data = Data(), in directory: URL? = nil, environment: [String: String] = [:]) throws -> CommandResult {
    let process = Process()
    process.executableURL = copydeskExecutable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "COPYDESK_CONFIG")
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("copydesk-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let input = scratch.appendingPathComponent("stdin")
    let output = scratch.appendingPathComponent("stdout")
    let errors = scratch.appendingPathComponent("stderr")
    try stdin.write(to: input)
    _ = FileManager.default.createFile(atPath: output.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
    process.standardInput = try FileHandle(forReadingFrom: input)
    process.standardOutput = try FileHandle(forWritingTo: output)
    process.standardError = try FileHandle(forWritingTo: errors)
    try process.run()
    process.waitUntilExit()
    let out = try Data(contentsOf: output)
    return CommandResult(
        status: process.terminationStatus,
        stdout: String(decoding: out, as: UTF8.self),
        stderr: String(decoding: try Data(contentsOf: errors), as: UTF8.self),
        stdoutBytes: out)
}

extension String {
    var data: Data { Data(utf8) }
}

/// Reads lines from a pipe on a background thread, with a timeout per line.
final class PipeLineReader: @unchecked Sendable {
    private var buffer = Data()
    private let condition = NSCondition()

    init(_ handle: FileHandle) {
        Thread {
            while true {
                let chunk = handle.availableData
                self.condition.lock()
                if chunk.isEmpty {
                    self.buffer.append(contentsOf: [0xFF])  // end marker
                } else {
                    self.buffer.append(chunk)
                }
                self.condition.broadcast()
                self.condition.unlock()
                if chunk.isEmpty { return }
            }
        }.start()
    }

    func nextLine(timeout: TimeInterval) -> String? {
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[buffer.startIndex..<newline]
                buffer.removeSubrange(buffer.startIndex...newline)
                return String(decoding: line, as: UTF8.self)
            }
            if buffer.last == 0xFF || !condition.wait(until: deadline) { return nil }
        }
    }
}
