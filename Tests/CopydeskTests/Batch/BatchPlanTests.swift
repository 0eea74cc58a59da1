import XCTest
@testable import Copydesk

final class BatchPlanTests: XCTestCase {
    private func input(_ relative: String) -> BatchInput {
        BatchInput(path: "/in/" + relative, relativePath: relative, size: 1, compression: Compression(path: relative))
    }

    func testOutputsKeepTheRelativePathAndTheInputsCompression() throws {
        let jobs = try BatchPlan.jobs(for: [input("a/part-1.jsonl.gz"), input("b.jsonl")], destination: .directory("/out", compression: nil))
        XCTAssertEqual(jobs.map(\.paths?.output), ["/out/a/part-1.jsonl.gz", "/out/b.jsonl"])
        XCTAssertEqual(jobs[0].paths?.rejects, "/out/a/part-1.rejects.jsonl.gz")
        XCTAssertEqual(jobs[0].paths?.dropped, "/out/a/part-1.dropped.jsonl.gz")
        XCTAssertEqual(jobs[1].paths?.rejects, "/out/b.rejects.jsonl")
    }

    func testOutputCompressionReplacesTheInputsEnding() throws {
        let jobs = try BatchPlan.jobs(for: [input("a.jsonl.gz"), input("b.jsonl")], destination: .directory("/out/", compression: .zstd))
        XCTAssertEqual(jobs.map(\.paths?.output), ["/out/a.jsonl.zst", "/out/b.jsonl.zst"])
        let plain = try BatchPlan.jobs(for: [input("a.jsonl.gz")], destination: .directory("/out", compression: Compression.none))
        XCTAssertEqual(plain.first?.paths?.output, "/out/a.jsonl")
        XCTAssertEqual(plain.first?.paths?.compression, Compression.none)
    }

    func testTwoInputsWritingOneOutputAreRefusedBeforeAnythingRuns() {
        XCTAssertThrowsError(try BatchPlan.jobs(for: [input("a.jsonl.gz"), input("a.jsonl.zst")], destination: .directory("/out", compression: .gzip))) { error in
            XCTAssertEqual("\(error)", "/in/a.jsonl.gz and /in/a.jsonl.zst would both write /out/a.jsonl.gz")
        }
    }

    func testAnOutputOverAnInputIsRefused() {
        XCTAssertThrowsError(try BatchPlan.jobs(for: [input("a.jsonl")], destination: .directory("/in", compression: nil))) { error in
            XCTAssertEqual("\(error)", "/in/a.jsonl would overwrite the input /in/a.jsonl")
        }
    }

    func testStdinCannotGoToAnOutputFolder() {
        XCTAssertThrowsError(try BatchPlan.jobs(for: [.standardInput], destination: .directory("/out", compression: nil)))
        XCTAssertNoThrow(try BatchPlan.jobs(for: [.standardInput], destination: .file("/out/all.jsonl.gz")))
    }
}

final class WorkersPerLaneTests: XCTestCase {
    func testLanesTogetherHaveAtMostTwiceTheJobsInWorkersAndEachAtLeastTwo() {
        XCTAssertEqual(BatchRunner.workersPerLane(jobs: 2, lanes: 2), 2)
        XCTAssertEqual(BatchRunner.workersPerLane(jobs: 8, lanes: 8), 2)
        XCTAssertEqual(BatchRunner.workersPerLane(jobs: 8, lanes: 2), 8)
        XCTAssertEqual(BatchRunner.workersPerLane(jobs: 8, lanes: 3), 5)
        for jobs in 2...32 {
            for lanes in 2...jobs {
                let workers = BatchRunner.workersPerLane(jobs: jobs, lanes: lanes)
                XCTAssertLessThanOrEqual(workers * lanes, max(2 * jobs, 2 * lanes), "jobs \(jobs) lanes \(lanes)")
                XCTAssertTrue((2...jobs).contains(workers))
            }
        }
    }
}
