import XCTest
@testable import Copydesk

final class InputDiscoveryTests: XCTestCase {
    private func makeTree(_ files: [String]) throws -> URL {
        let root = try temporaryDirectory(self)
        for file in files {
            let url = root.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("{\"text\": \"x\"}\n".utf8).write(to: url)
        }
        return root
    }

    private func relativePaths(_ inputs: [BatchInput]) -> [String] {
        inputs.map(\.relativePath)
    }

    func testAFolderIsReadRecursivelyInPathOrderWithTheJSONLinesEndingsByDefault() throws {
        let root = try makeTree(["b.jsonl", "a/z.jsonl.gz", "a/y.ndjson.zst", "notes.txt", "a/deep/c.jsonl", "data.json"])
        let inputs = try InputDiscovery().inputs(for: [root.path])
        XCTAssertEqual(relativePaths(inputs), ["a/deep/c.jsonl", "a/y.ndjson.zst", "a/z.jsonl.gz", "b.jsonl"])
        XCTAssertEqual(inputs.map(\.compression), [.none, .zstd, .gzip, .none])
        XCTAssertEqual(inputs[0].path, root.path + "/a/deep/c.jsonl")
        XCTAssertEqual(inputs[0].size, 14)
    }

    func testHiddenFilesAndFoldersAreSkipped() throws {
        let root = try makeTree(["a.jsonl", ".a.jsonl.partial-123", ".cache/b.jsonl"])
        XCTAssertEqual(relativePaths(try InputDiscovery().inputs(for: [root.path])), ["a.jsonl"])
    }

    func testIncludeReplacesTheDefaultAndExcludeWins() throws {
        let root = try makeTree(["a.jsonl", "b.txt", "sub/c.txt", "sub/skip-d.txt"])
        let discovery = InputDiscovery(includes: ["*.txt"], excludes: ["skip-*"])
        XCTAssertEqual(relativePaths(try discovery.inputs(for: [root.path])), ["b.txt", "sub/c.txt"])
    }

    func testAGlobWithASlashMatchesThePathInsideTheFolder() throws {
        let root = try makeTree(["2024/01/a.jsonl", "2024/02/b.jsonl", "2025/01/c.jsonl", "top.jsonl"])
        XCTAssertEqual(relativePaths(try InputDiscovery(includes: ["2024/**/*.jsonl"]).inputs(for: [root.path])), ["2024/01/a.jsonl", "2024/02/b.jsonl"])
        XCTAssertEqual(relativePaths(try InputDiscovery(excludes: ["*/01/*"]).inputs(for: [root.path])), ["2024/02/b.jsonl", "top.jsonl"])
    }

    func testFilesNamedOnTheCommandLineAreTakenWhateverTheGlobsAndStdinIsADash() throws {
        let root = try makeTree(["x/notes.txt"])
        let inputs = try InputDiscovery(excludes: ["*.txt"]).inputs(for: [root.path + "/x/notes.txt", "-"])
        XCTAssertEqual(inputs.map(\.relativePath), ["notes.txt", "-"])
        XCTAssertEqual(inputs[1], .standardInput)
    }

    func testTheOutputFolderInsideAnInputFolderIsNotRead() throws {
        let root = try makeTree(["a.jsonl", "out/a.jsonl"])
        let discovery = InputDiscovery(skippedFolder: root.path + "/out")
        XCTAssertEqual(relativePaths(try discovery.inputs(for: [root.path])), ["a.jsonl"])
    }

    func testAMissingPathIsAnErrorNamingIt() throws {
        XCTAssertThrowsError(try InputDiscovery().inputs(for: ["/no/such/folder"])) { error in
            XCTAssertEqual("\(error)", "cannot open /no/such/folder: No such file or directory")
        }
    }
}
