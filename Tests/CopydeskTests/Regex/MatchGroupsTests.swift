import Copydesk
import XCTest

final class MatchGroupsTests: XCTestCase {
    private var scratch = MatchScratch()

    func testNumberedGroupsHaveByteRanges() throws {
        let subject = "Posted 12 März 2024"
        let match = try XCTUnwrap(try Pattern(#"(\d+) (\w+) (\d{4})"#, options: .ucp).firstMatch(in: subject, scratch: &scratch))
        XCTAssertEqual(match.groups.count, 4)
        XCTAssertEqual(match.text(ofGroup: 0, in: subject), "12 März 2024")
        XCTAssertEqual(match.text(ofGroup: 2, in: subject), "März")
        XCTAssertEqual(match[2], 10..<15)
        XCTAssertEqual(match.range, match[0])
    }

    func testNamedGroupsAreFoundThroughTheirNumbers() throws {
        let subject = "By Asha Rao | Updated: 3 Jan"
        let pattern = try Pattern(#"By (?<author>[^|]+?) \| Updated: (?<date>.+)"#)
        let match = try XCTUnwrap(try pattern.firstMatch(in: subject, scratch: &scratch))
        let author = try XCTUnwrap(pattern.groupNumber(named: "author"))
        let date = try XCTUnwrap(pattern.groupNumber(named: "date"))
        XCTAssertEqual(match.text(ofGroup: author, in: subject), "Asha Rao")
        XCTAssertEqual(match.text(ofGroup: date, in: subject), "3 Jan")
    }

    func testGroupThatDidNotParticipateIsNil() throws {
        let match = try XCTUnwrap(try Pattern("(a)|(b)").firstMatch(in: "b", scratch: &scratch))
        XCTAssertNil(match[1])
        XCTAssertEqual(match[2], 0..<1)
    }

    func testTrailingUnsetGroupsAreNil() throws {
        let match = try XCTUnwrap(try Pattern("(a)(x)?(y)?").firstMatch(in: "a", scratch: &scratch))
        XCTAssertEqual(match.groups, [0..<1, 0..<1, nil, nil])
    }

    func testGroupMatchingEmptyIsSetNotNil() throws {
        let match = try XCTUnwrap(try Pattern("a(x*)b").firstMatch(in: "ab", scratch: &scratch))
        XCTAssertEqual(match[1], 1..<1)
    }

    func testOutOfRangeGroupSubscriptIsNil() throws {
        let match = try XCTUnwrap(try Pattern("(a)").firstMatch(in: "a", scratch: &scratch))
        XCTAssertNil(match[2])
        XCTAssertNil(match[-1])
    }

    func testScratchGrowsForPatternsWithManyGroups() throws {
        let source = String(repeating: "(.)", count: 40)
        let subject = String(repeating: "é", count: 40)
        let match = try XCTUnwrap(try Pattern(source).firstMatch(in: subject, scratch: &scratch))
        XCTAssertEqual(match.groups.count, 41)
        XCTAssertEqual(match[40], 78..<80)
    }
}
