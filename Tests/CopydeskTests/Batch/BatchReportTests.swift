import Foundation
import XCTest
@testable import Copydesk

final class BatchReportTests: XCTestCase {
    private func file(_ index: Int, read: Int, written: Int, dropped: Int, rejected: Int) -> FileReport {
        var summary = RunSummary()
        summary.read = read
        summary.written = written
        summary.dropped = dropped
        summary.rejected = rejected
        return FileReport(index: index, name: "in/part-\(index).jsonl.gz", summary: summary, bytesIn: 1_500_000, bytesOut: 2_000_000, seconds: 0.5)
    }

    func testTheTableListsInputsInInputOrderAndTotalsThem() {
        var report = BatchReport()
        report.filesTotal = 3
        report.filesSkipped = 1
        report.add(file(1, read: 10, written: 7, dropped: 2, rejected: 1))
        report.add(file(0, read: 5, written: 5, dropped: 0, rejected: 0))
        let lines = report.table.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 4)
        XCTAssertTrue(lines[1].hasPrefix("in/part-0.jsonl.gz"), lines[1])
        XCTAssertTrue(lines[2].hasPrefix("in/part-1.jsonl.gz"), lines[2])
        XCTAssertEqual(lines[3].split(separator: " ", omittingEmptySubsequences: true).suffix(9), ["15", "12", "2", "1", "0", "0", "3.0", "4.0", "0.00"])
        XCTAssertTrue(lines[3].hasPrefix("total: 2 files, 1 skipped"), lines[3])
    }

    func testTheTableStopsListingAfterFiftyRowsButTheTotalsCoverEveryInput() {
        var report = BatchReport()
        for index in 0..<60 { report.add(file(index, read: 1, written: 1, dropped: 0, rejected: 0)) }
        let table = report.table
        XCTAssertTrue(table.contains("… 10 more"), table)
        XCTAssertTrue(table.contains("total: 60 files"), table)
        XCTAssertEqual(report.summary.read, 60)
    }

    func testTheRunObjectOfStatsJSONCarriesTheTotals() throws {
        var report = BatchReport()
        report.filesTotal = 1
        report.add(file(0, read: 10, written: 7, dropped: 2, rejected: 1))
        var writer = JSONWriter()
        report.writeJSON(into: &writer)
        let run = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(writer.bytes)) as? [String: Any])
        XCTAssertEqual(run["documents_in"] as? Int, 10)
        XCTAssertEqual(run["documents_out"] as? Int, 7)
        XCTAssertEqual(run["dropped"] as? Int, 2)
        XCTAssertEqual(run["rejected"] as? Int, 1)
        XCTAssertEqual(run["bytes_in"] as? Int, 1_500_000)
        XCTAssertEqual(run["bytes_out"] as? Int, 2_000_000)
        XCTAssertEqual(run["files_done"] as? Int, 1)
    }

    func testTheTimeLeftFollowsTheRateSoFar() {
        var progress = BatchProgress()
        progress.bytesDone = 250
        progress.bytesTotal = 1000
        progress.seconds = 10
        XCTAssertEqual(progress.secondsLeft ?? -1, 30, accuracy: 1e-9)
        progress.bytesTotal = nil
        XCTAssertNil(progress.secondsLeft)
    }

    func testWorkSlotsBoundHowManyHoldersRunAtOnce() {
        let slots = WorkSlots(2)
        let counter = ConcurrencyCounter()
        let group = DispatchGroup()
        for _ in 0..<8 {
            group.enter()
            Thread {
                for _ in 0..<5 {
                    slots.acquire()
                    counter.enter()
                    Thread.sleep(forTimeInterval: 0.002)
                    counter.leave()
                    slots.release()
                }
                group.leave()
            }.start()
        }
        group.wait()
        XCTAssertLessThanOrEqual(counter.maximum, 2)
        XCTAssertGreaterThanOrEqual(counter.maximum, 1)
    }
}

private final class ConcurrencyCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var current = 0
    private(set) var maximum = 0

    func enter() {
        lock.lock()
        current += 1
        maximum = max(maximum, current)
        lock.unlock()
    }

    func leave() {
        lock.lock()
        current -= 1
        lock.unlock()
    }
}

final class BatchProgressLineTests: XCTestCase {
    private func progress() -> BatchProgress {
        var progress = BatchProgress()
        progress.filesDone = 3
        progress.filesTotal = 12
        progress.bytesDone = 250_000_000
        progress.bytesTotal = 1_000_000_000
        progress.seconds = 10
        progress.documents.read = 120_000
        progress.documents.written = 119_000
        progress.documents.dropped = 700
        progress.documents.rejected = 300
        progress.documents.flagged = 42
        return progress
    }

    func testTheLineShowsBytesOfTheTotalFilesRatesTimeLeftAndCounts() {
        XCTAssertEqual(
            progress().line(),
            "copydesk:  25% 250.0/1000.0 MB, files 3/12, 12000 docs/s, 25.0 MB/s, ETA 0:30, out 119000, dropped 700, rejected 300, flagged 42")
    }

    func testStdinHasNoTotalAndNoTimeLeft() {
        var progress = progress()
        progress.bytesTotal = nil
        progress.filesTotal = 1
        XCTAssertEqual(progress.line(), "copydesk: 250.0 MB, 12000 docs/s, 25.0 MB/s, out 119000, dropped 700, rejected 300, flagged 42")
    }

    func testTheLineIsCutToTheTerminalWidth() {
        XCTAssertEqual(progress().line(width: 40).count, 39)
    }
}
