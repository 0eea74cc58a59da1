import Foundation
import XCTest
@testable import Copydesk

final class SwiftPluginTests: XCTestCase {
    /// Builds Plugins/SwiftExample as `make plugins` does (same scratch folder, so it is cached).
    private func buildSwiftExample() throws -> String {
        let scratch = packageRoot.appendingPathComponent(".build-plugins")
        let result = try runTool("swift", ["build", "-c", "release", "--package-path", packageRoot.appendingPathComponent("Plugins/SwiftExample").path, "--scratch-path", scratch.path])
        XCTAssertEqual(result.status, 0, result.output)
        return scratch.appendingPathComponent("release/libCopydeskSwiftExample.so").path
    }

    /// Compiles a C file into a shared library in `dir`.
    private func buildCLibrary(_ source: String, named name: String, in dir: URL) throws -> String {
        let file = dir.appendingPathComponent("\(name).c")
        try source.write(to: file, atomically: true, encoding: .utf8)
        let library = dir.appendingPathComponent("lib\(name).so").path
        let result = try runTool("clang", ["-shared", "-fPIC", "-o", library, file.path])
        XCTAssertEqual(result.status, 0, result.output)
        return library
    }

    private func pluginPipeline(_ stage: String, in dir: URL) throws -> Pipeline {
        let file = dir.appendingPathComponent("pipeline.yaml")
        try "stages:\n\(stage)".write(to: file, atomically: true, encoding: .utf8)
        return try PipelineLoader().load(file.path)
    }

    private func loadErrors(_ stage: String, in dir: URL) throws -> String {
        do {
            _ = try pluginPipeline(stage, in: dir)
            return ""
        } catch {
            return "\(error)"
        }
    }

    func testTheSwiftExampleBuildsLoadsAndRuns() throws {
        let library = try buildSwiftExample()
        let pipeline = try pluginPipeline("""
              - stage: plugin
                path: \(library)
                name: word-stats
                config: {min_words: 5}
              - stage: plugin
                path: \(library)
                name: shouting
                config: {min_letters: 5, drop: true}
            """, in: try temporaryDirectory(self))
        let documents = processBatch(["Three words here. And two!", "THIS IS VERY LOUD NEWS"], through: pipeline)
        XCTAssertEqual(documents[0].meta["word_count"], "5")
        XCTAssertEqual(documents[0].meta["sentence_count"], "2")
        XCTAssertEqual(documents[0].tags, [])
        XCTAssertEqual(documents[0].decision, .keep)
        XCTAssertEqual(documents[1].decision, .drop)
        XCTAssertEqual(documents[1].dropReason, "shouting: 18 of 18 letters are capitals")
        let info = (pipeline.stages[0] as? any PluginBackedStage)?.pluginInfo
        XCTAssertEqual(info?.handshake.name, "swift-example")
        XCTAssertEqual(info?.handshake.capabilities, ["meta", "tags"])
    }

    func testAnUnknownStageNameInTheLibrarySuggestsTheClosest() throws {
        let library = try buildSwiftExample()
        let errors = try loadErrors("  - stage: plugin\n    path: \(library)\n    name: word-stat\n", in: try temporaryDirectory(self))
        XCTAssertTrue(errors.contains("pipeline.yaml:4:11: error: unknown plugin stage \"word-stat\""), errors)
        XCTAssertTrue(errors.contains("did you mean \"word-stats\"?"), errors)
    }

    func testAPluginFactoryErrorIsAConfigErrorAtItsConfig() throws {
        let library = try buildSwiftExample()
        let errors = try loadErrors("  - stage: plugin\n    path: \(library)\n    name: shouting\n    config: {ratio: 2}\n", in: try temporaryDirectory(self))
        XCTAssertTrue(errors.contains("pipeline.yaml:5:13: error:"), errors)
        XCTAssertTrue(errors.contains("ratio must be more than 0 and at most 1"), errors)
    }

    func testALibraryBuiltForAnotherAPIVersionIsRefused() throws {
        let dir = try temporaryDirectory(self)
        let library = try buildCLibrary("""
            #include <stdint.h>
            static const struct { uint32_t api_version; } table = { 999 };
            const void *copydesk_plugin_entry(void) { return &table; }
            """, named: "wrongversion", in: dir)
        let errors = try loadErrors("  - stage: plugin\n    path: \(library)\n    name: x\n", in: dir)
        XCTAssertTrue(errors.contains("pipeline.yaml:3:11: error: plugin stage \"plugin-1\""), errors)
        XCTAssertTrue(errors.contains("was built against plugin API version 999; this copydesk loads version 1"), errors)
    }

    func testALibraryWithoutTheEntryPointIsRefused() throws {
        let dir = try temporaryDirectory(self)
        let library = try buildCLibrary("int something_else(void) { return 1; }\n", named: "noentry", in: dir)
        let errors = try loadErrors("  - stage: plugin\n    path: \(library)\n    name: x\n", in: dir)
        XCTAssertTrue(errors.contains("has no entry point copydesk_plugin_entry"), errors)
        XCTAssertTrue(errors.contains("pipeline.yaml:3:11"), errors)
    }

    func testAMissingLibraryIsAConfigErrorRelativeToTheConfig() throws {
        let dir = try temporaryDirectory(self)
        let errors = try loadErrors("  - stage: plugin\n    path: plugins/libnothing.so\n    name: x\n", in: dir)
        XCTAssertTrue(errors.contains("pipeline.yaml:3:11: error: plugin stage \"plugin-1\": cannot load \(dir.path)/plugins/libnothing.so"), errors)
    }
}

/// Runs a tool found on PATH (or next to the Swift toolchain), capturing its output.
func runTool(_ name: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [name] + arguments
    var environment = ProcessInfo.processInfo.environment
    environment["PATH"] = (environment["PATH"] ?? "/usr/bin:/bin") + ":/opt/swift/usr/bin"
    process.environment = environment
    let log = FileManager.default.temporaryDirectory.appendingPathComponent("copydesk-tool-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: log.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: log) }
    let handle = try FileHandle(forWritingTo: log)
    process.standardOutput = handle
    process.standardError = handle
    try process.run()
    process.waitUntilExit()
    try handle.close()
    return (process.terminationStatus, (try? String(contentsOf: log, encoding: .utf8)) ?? "")
}
