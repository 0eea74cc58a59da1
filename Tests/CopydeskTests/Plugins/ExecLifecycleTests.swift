import Foundation
import XCTest
@testable import Copydesk

/// What an exec stage leaves behind: descriptors, processes, memory and blocked threads.
final class ExecLifecycleTests: XCTestCase {
    func testRestartsDoNotLeakFileDescriptors() throws {
        let before = openDescriptorCount()
        let pipeline = try execPipeline(in: try temporaryDirectory(self), "    max_restarts: 100")
        defer { pipeline.shutdown() }
        for round in 0..<10 {
            let document = processBatch(["CRASH \(round)"], through: pipeline)[0]
            XCTAssertEqual(document.errors.count, 1)
        }
        XCTAssertEqual((pipeline.stages[0] as? ExecStage)?.events.crashes, 10)
        pipeline.shutdown()
        // The threads of the killed children close their pipes soon after; a leak never does.
        _ = eventually(within: 3) { openDescriptorCount() <= before + 2 }
        let after = openDescriptorCount()
        XCTAssertLessThanOrEqual(after, before + 2, "open descriptors went from \(before) to \(after) over 10 restarts")
    }

    func testKillingAWrappedPluginAlsoKillsThePluginUnderTheWrapper() throws {
        let dir = try temporaryDirectory(self)
        let plugin = try writeTestPlugin(in: dir)
        let pidFile = dir.appendingPathComponent("pids").path
        // `; exit $?` keeps sh from exec-ing python: python is sh's child, our grandchild.
        let config = """
            stages:
              - stage: exec
                id: test
                command: [sh, -c, "python3 \(plugin); exit $?"]
                timeout: 0.5
                config: {pidfile: \(pidFile)}
            """
        let file = dir.appendingPathComponent("pipeline.yaml")
        try config.write(to: file, atomically: true, encoding: .utf8)
        let pipeline = try PipelineLoader().load(file.path)
        let document = processBatch(["HANG"], through: pipeline)[0]
        pipeline.shutdown()
        XCTAssertTrue(document.errors.first?.message.contains("timeout") ?? false, "\(document.errors)")
        let firstPID = try XCTUnwrap(try String(contentsOfFile: pidFile, encoding: .utf8).split(separator: "\n").first.flatMap { pid_t($0) })
        XCTAssertTrue(eventually(within: 3) { isGone(firstPID) }, "the timed-out plugin (pid \(firstPID)) is still running")
    }

    func testAfterThePoolGivesUpNoChildHoldsARequest() throws {
        let pipeline = try execPipeline(in: try temporaryDirectory(self), """
                workers: 2
                in_flight: 1
                max_restarts: 0
            """)
        defer { pipeline.shutdown() }
        let stage = try XCTUnwrap(pipeline.stages[0] as? ExecStage)
        // CRASH stops the run while the other child holds HANG: that request is settled as
        // fatal, so no reader thread may touch it any more.
        let documents = processBatch(["CRASH", "HANG"], through: pipeline)
        XCTAssertEqual(documents[1].settlement?.stopsRun, true, "\(documents[1].errors)")
        XCTAssertEqual(stage.pool.inFlightCount, 0)
    }

    func testAStdoutLineLongerThanTheLimitIsGarbageAndFailsOnlyItsDocument() throws {
        let dir = try temporaryDirectory(self)
        var settings = ExecSettings(command: ["python3", try writeTestPlugin(in: dir)])
        settings.maxLineBytes = 1000
        settings.timeout = 20
        let (pool, _) = try ExecPool.start(settings, stageID: "test")
        defer { pool.shutdown() }
        let requests = ["LONGLINE", "fine"].enumerated().map { index, text in
            ExecRequest(id: index, line: Array(#"{"id":\#(index),"doc":{"text":"\#(text)"}}"#.utf8) + [10], inputLine: index + 1)
        }
        let started = Date()
        let states = pool.run(requests)
        XCTAssertLessThan(Date().timeIntervalSince(started), 10, "the long line was not noticed before the timeout")
        guard case .failed(let message) = states[0] else { return XCTFail("\(states[0])") }
        XCTAssertTrue(message.contains("longer than 1000 bytes"), message)
        guard case .answered = states[1] else { return XCTFail("\(states[1])") }
        XCTAssertGreaterThanOrEqual(pool.eventCounts.garbage, 1)
        XCTAssertEqual(pool.eventCounts.timeouts, 0)
    }

    func testAStderrLineWithoutNewlineIsForwardedInPiecesAtTheLimit() throws {
        var input: [Int32] = [-1, -1], output: [Int32] = [-1, -1]
        XCTAssertEqual(pipe(&input), 0)
        XCTAssertEqual(pipe(&output), 0)
        defer { close(output[0]) }
        let forwarder = StderrForwarder(fd: input[0], stageID: "s", output: output[1], maxLineBytes: 100)
        forwarder.start()
        XCTAssertTrue(ExecChild.writeAll(input[1], Array(repeating: UInt8(ascii: "#"), count: 250)))
        // The writer has not ended its line, nor closed the pipe: the first 200 bytes come anyway.
        let piece = "[s] " + String(repeating: "#", count: 100) + "\n"
        XCTAssertEqual(readAvailable(output[0], upTo: 2 * piece.utf8.count, within: 3), piece + piece)
        close(input[1])
        forwarder.waitUntilDone()
        close(output[1])
        XCTAssertEqual(readAvailable(output[0], upTo: 1000, within: 3), "[s] " + String(repeating: "#", count: 50) + "\n")
        XCTAssertEqual(forwarder.lines.count, 3)
    }

    func testAChildThatNeverReadsABigHelloFailsTheHandshakeInTime() throws {
        let hello = Array(#"{"copydesk_plugin":1,"stage":"s","config":{"blob":""#.utf8) + Array(repeating: UInt8(ascii: "x"), count: 300_000) + Array("\"}}\n".utf8)
        let started = Date()
        XCTAssertThrowsError(
            try ExecChild.launch(
                ["sleep", "30"], environment: [:], directory: nil, hello: hello, stageID: "s", timeout: 0.5, maxLineBytes: 1000,
                onLines: { _ in }, onOverlong: {}, onExit: { _ in })
        ) { error in
            XCTAssertTrue("\(error)".contains("did not read its hello (300"), "\(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 4)
    }
}

private func openDescriptorCount() -> Int {
    (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0
}

/// Polls `condition` every 20 ms until it holds or `seconds` pass.
private func eventually(within seconds: Double, _ condition: () -> Bool) -> Bool {
    let deadline = Date(timeIntervalSinceNow: seconds)
    while !condition() {
        if Date() >= deadline { return false }
        usleep(20_000)
    }
    return true
}

/// No such process, or only its zombie (a container's init may not reap orphans).
private func isGone(_ pid: pid_t) -> Bool {
    if kill(pid, 0) != 0 { return errno == ESRCH }
    let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
    guard let close = stat.lastIndex(of: ")") else { return true }
    return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
}

/// Reads until `count` bytes came, the pipe ends, or `seconds` pass.
private func readAvailable(_ fd: Int32, upTo count: Int, within seconds: Double) -> String {
    let deadline = Date(timeIntervalSinceNow: seconds)
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while bytes.count < count && Date() < deadline {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 50) > 0 else { continue }
        let got = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, min($0.count, count - bytes.count)) }
        if got <= 0 { break }
        bytes.append(contentsOf: chunk[0..<got])
    }
    return String(decoding: bytes, as: UTF8.self)
}
