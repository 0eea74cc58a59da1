import XCTest
@testable import Copydesk

final class LineDiffTests: XCTestCase {
    func testIdenticalTextsHaveNoChangesAndNoHunks() {
        let diff = LineDiff(old: "a\nb", new: "a\nb")
        XCTAssertFalse(diff.hasChanges)
        XCTAssertEqual(diff.hunks(), [])
    }

    func testAChangedLineIsRemovedThenAddedBetweenItsContext() {
        let hunks = LineDiff(old: "a\nb\nc\nd", new: "a\nB\nc\nd").hunks(context: 1)
        XCTAssertEqual(hunks.count, 1)
        XCTAssertEqual(hunks[0].header, "@@ -1,3 +1,3 @@")
        XCTAssertEqual(hunks[0].lines.map(\.unified), [" a", "-b", "+B", " c"])
    }

    func testTheLongestCommonLinesAreKept() {
        let diff = LineDiff(old: "x\na\nb\nc\ny", new: "a\nq\nc\nz")
        XCTAssertEqual(diff.lines.map(\.unified), ["-x", " a", "-b", "+q", " c", "-y", "+z"])
    }

    func testDistantChangesMakeSeparateHunks() {
        let old = (1...10).map { "line \($0)" }.joined(separator: "\n")
        let new = old.replacingOccurrences(of: "line 2\n", with: "").replacingOccurrences(of: "line 9", with: "LINE 9")
        let hunks = LineDiff(old: old, new: new).hunks(context: 1)
        XCTAssertEqual(hunks.map(\.header), ["@@ -1,3 +1,2 @@", "@@ -8,3 +7,3 @@"])
    }

    func testAnInsertionIntoEmptyTextCountsFromLineZero() {
        let hunks = LineDiff(old: "a", new: "b\na").hunks(context: 0)
        XCTAssertEqual(hunks.map(\.header), ["@@ -0,0 +1,1 @@"])
    }
}
