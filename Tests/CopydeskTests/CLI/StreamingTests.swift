import Foundation
import XCTest

/// `tail -f feed.jsonl | copydesk run`: each document must come out as soon as it is in,
/// without waiting for more input or the end of the stream.
final class StreamingTests: XCTestCase {
    func testEachDocumentIsWrittenBeforeTheNextArrives() throws {
        let process = Process()
        process.executableURL = copydeskExecutable
        process.arguments = ["run", "--jobs", "2"]
        process.currentDirectoryURL = try temporaryDirectory(self)
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        let reader = PipeLineReader(output.fileHandleForReading)
        for index in 0..<3 {
            input.fileHandleForWriting.write(Data("{\"id\": \(index), \"text\": \"News \(index).\\nPosted By: Asha Rao\"}\n".utf8))
            let line = try XCTUnwrap(reader.nextLine(timeout: 20), "document \(index) was not written while stdin stayed open")
            XCTAssertTrue(line.hasPrefix("{\"id\": \(index), \"text\": \"News \(index).\","), line)
        }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
    }
}
