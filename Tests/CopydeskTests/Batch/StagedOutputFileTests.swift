import Foundation
import XCTest
@testable import Copydesk

final class StagedOutputFileTests: XCTestCase {
    private func contents(_ directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    func testTheFileHasItsFinalNameOnlyAfterCommit() throws {
        let directory = try temporaryDirectory(self)
        let file = try StagedOutputFile(path: directory.appendingPathComponent("a.jsonl.gz").path, compression: .gzip)
        try Array("{\"a\": 1}\n".utf8).withUnsafeBytes { try file.write($0) }
        XCTAssertEqual(try contents(directory), [".a.jsonl.gz.partial-\(getpid())"])
        try file.commit()
        XCTAssertEqual(try contents(directory), ["a.jsonl.gz"])
        let bytes = Array(try Data(contentsOf: directory.appendingPathComponent("a.jsonl.gz")))
        XCTAssertEqual(file.bytesOnDisk, bytes.count)
        XCTAssertEqual(try readAll(try Compression.gzip.decoder(over: MemorySource(bytes), name: "a")), Array("{\"a\": 1}\n".utf8))
    }

    func testADiscardedFileLeavesNothingAndKeepsAnEarlierOutput() throws {
        let directory = try temporaryDirectory(self)
        let path = directory.appendingPathComponent("a.jsonl").path
        try "old\n".write(toFile: path, atomically: true, encoding: .utf8)
        let file = try StagedOutputFile(path: path, compression: .none)
        try Array("new\n".utf8).withUnsafeBytes { try file.write($0) }
        file.discard()
        XCTAssertEqual(try contents(directory), ["a.jsonl"])
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "old\n")
    }

    func testALazyFileWithNothingWrittenRemovesTheStaleFinalFileAndCreatesNone() throws {
        let directory = try temporaryDirectory(self)
        let path = directory.appendingPathComponent("a.rejects.jsonl").path
        try "from an earlier run\n".write(toFile: path, atomically: true, encoding: .utf8)
        let file = try StagedOutputFile(path: path, compression: .none, lazy: true)
        XCTAssertEqual(try contents(directory), ["a.rejects.jsonl"])
        try file.commit()
        XCTAssertEqual(try contents(directory), [])
    }

    func testOnlyTheTemporaryFilesOfDeadRunsAreRemoved() throws {
        let directory = try temporaryDirectory(self)
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let names = [".a.jsonl.partial-\(finished.processIdentifier)", ".a.jsonl.partial-\(getpid())", ".b.jsonl.partial-1", "c.jsonl", ".hidden"]
        for name in names { try Data().write(to: directory.appendingPathComponent(name)) }
        StagedOutputFile.removeStalePartials(in: directory.path)
        XCTAssertEqual(try contents(directory), [".a.jsonl.partial-\(getpid())", ".b.jsonl.partial-1", ".hidden", "c.jsonl"])
    }
}
