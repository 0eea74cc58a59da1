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
