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
