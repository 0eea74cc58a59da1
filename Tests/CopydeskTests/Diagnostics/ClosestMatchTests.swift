import XCTest
@testable import Copydesk

final class ClosestMatchTests: XCTestCase {
    private let actions = ["strip", "replace", "extract", "tag", "flag", "drop"]

    func testFindsAMisspelledCandidate() {
        XCTAssertEqual(closestMatch(to: "strp", among: actions), "strip")
        XCTAssertEqual(closestMatch(to: "replase", among: actions), "replace")
    }

    func testIgnoresCase() {
        XCTAssertEqual(closestMatch(to: "EXTRACT", among: actions), "extract")
    }

    func testGivesNothingWhenEveryCandidateIsTooFar() {
        XCTAssertNil(closestMatch(to: "delete", among: actions))
        XCTAssertNil(closestMatch(to: "x", among: []))
    }

    func testShortWordsAllowOneEdit() {
        XCTAssertEqual(closestMatch(to: "tap", among: actions), "tag")
        XCTAssertNil(closestMatch(to: "tp", among: ["tag"]))
    }

    func testTiesGoToTheFirstCandidate() {
        XCTAssertEqual(closestMatch(to: "flap", among: actions), "flag")
        XCTAssertEqual(closestMatch(to: "lag", among: ["tag", "flag"]), "tag")
    }
}
