import Copydesk
import Foundation
import XCTest

final class PatternConcurrencyTests: XCTestCase {
    /// Failures reported by worker threads, collected under a lock.
    private final class FailureLog: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [String] = []
        private var checked = 0

        func record(checked ok: Bool, _ entry: @autoclosure () -> String) {
            lock.lock()
            defer { lock.unlock() }
            checked += 1
            if !ok { entries.append(entry()) }
        }

        var snapshot: (checked: Int, failures: [String]) {
            lock.lock()
            defer { lock.unlock() }
            return (checked, entries)
        }
    }

    func testOnePatternServesManyThreadsEachWithItsOwnScratch() throws {
        let pattern = try Pattern(#"(?<word>\w*ö\w*)|(?=日)"#, options: [.ucp, .caseless])
        let subjects = (0..<64).map { index in
            String(repeating: "héllo wörld 日本 ", count: index % 7 + 1) + "Öl \(index)"
        }
        var serialScratch = MatchScratch()
        let expected = try subjects.map { try pattern.allMatches(in: $0, scratch: &serialScratch) }

        let log = FailureLog()
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            var scratch = MatchScratch()
            for round in 0..<50 {
                let index = (worker * 13 + round) % subjects.count
                do {
                    let found = try pattern.allMatches(in: subjects[index], scratch: &scratch)
                    log.record(checked: found == expected[index], "worker \(worker) subject \(index)")
                } catch {
                    log.record(checked: false, "worker \(worker): \(error)")
                }
            }
        }
        XCTAssertEqual(log.snapshot.failures, [])
        XCTAssertEqual(log.snapshot.checked, 8 * 50)
        XCTAssertEqual(expected[0].map { $0.text(in: subjects[0]) }, ["wörld", "", "Öl"])
    }
}
