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

        let reader = LineReader(output.fileHandleForReading)
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

/// Reads lines from a pipe on a background thread, with a timeout per line.
private final class LineReader: @unchecked Sendable {
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
