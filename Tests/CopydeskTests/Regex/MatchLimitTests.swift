import Copydesk
import XCTest

final class MatchLimitTests: XCTestCase {
    private let catastrophic = "(a+)+$"
    private let hostileSubject = String(repeating: "a", count: 32) + "!"

    func testCatastrophicPatternHitsTheMatchLimit() throws {
        var scratch = MatchScratch(limits: MatchLimits(matchLimit: 10_000))
        let pattern = try Pattern(catastrophic)
        XCTAssertThrowsError(try pattern.firstMatch(in: hostileSubject, scratch: &scratch)) { error in
            guard let error = error as? MatchError else { return XCTFail("not a MatchError: \(error)") }
            XCTAssertEqual(error.kind, .matchLimit)
            XCTAssertEqual(error.message, "match limit exceeded")
        }
    }

    func testScratchStillWorksAfterALimitError() throws {
        var scratch = MatchScratch(limits: MatchLimits(matchLimit: 10_000))
        let pattern = try Pattern(catastrophic)
        XCTAssertThrowsError(try pattern.allMatches(in: hostileSubject, scratch: &scratch))
        XCTAssertEqual(try pattern.firstMatch(in: "baaa", scratch: &scratch)?.range, 1..<4)
        XCTAssertEqual(try Pattern("(?<x>!)").firstMatch(in: hostileSubject, scratch: &scratch)?[1], 32..<33)
    }

    func testInterpreterHitsTheMatchLimitToo() throws {
        var scratch = MatchScratch(limits: MatchLimits(matchLimit: 10_000))
        let pattern = try Pattern(catastrophic, options: [], jit: false)
        XCTAssertThrowsError(try pattern.firstMatch(in: hostileSubject, scratch: &scratch)) { error in
            XCTAssertEqual((error as? MatchError)?.kind, .matchLimit)
        }
    }

    func testInterpreterHitsTheDepthLimit() throws {
        var scratch = MatchScratch(limits: MatchLimits(depthLimit: 10))
        let pattern = try Pattern("(a|b)*c", options: [], jit: false)
        XCTAssertThrowsError(try pattern.firstMatch(in: String(repeating: "ab", count: 100) + "c", scratch: &scratch)) { error in
            XCTAssertEqual((error as? MatchError)?.kind, .depthLimit)
        }
    }

    func testInterpreterHitsTheHeapLimit() throws {
        var scratch = MatchScratch(limits: MatchLimits(heapLimitKiB: 1))
        let pattern = try Pattern("(a|b)*c", options: [], jit: false)
        XCTAssertThrowsError(try pattern.firstMatch(in: String(repeating: "ab", count: 10_000) + "c", scratch: &scratch)) { error in
            XCTAssertEqual((error as? MatchError)?.kind, .heapLimit)
        }
    }

    func testJITHitsTheJITStackLimit() throws {
        var scratch = MatchScratch(limits: MatchLimits(jitStackBytes: 32 * 1024))
        let pattern = try Pattern("(a|b)*c")
        try XCTSkipUnless(pattern.isJITCompiled, "JIT not available")
        XCTAssertThrowsError(try pattern.firstMatch(in: String(repeating: "ab", count: 100_000) + "c", scratch: &scratch)) { error in
            XCTAssertEqual((error as? MatchError)?.kind, .jitStackLimit)
        }
    }

    func testDefaultLimitsLetOrdinaryMatchesThrough() throws {
        var scratch = MatchScratch()
        let subject = String(repeating: "ab", count: 10_000) + "c"
        XCTAssertEqual(try Pattern("(a|b)*c").firstMatch(in: subject, scratch: &scratch)?.range, 0..<20_001)
    }
}
