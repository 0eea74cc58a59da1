import XCTest
@testable import Copydesk

final class OffsetShiftTests: XCTestCase {
    // "ab[cd]ef[gh]ij": cd -> X (one shorter), gh -> YYYY (two longer).
    private let shift = OffsetShift([
        TextEdit(range: 2..<4, replacement: Array("X".utf8)),
        TextEdit(range: 6..<8, replacement: Array("YYYY".utf8)),
    ])

    func testOffsetsBeforeBetweenAndAfterEditsMoveByWhatCameBefore() {
        XCTAssertEqual(shift.map(0..<2), 0..<2)
        XCTAssertEqual(shift.map(4..<6), 3..<5)
        XCTAssertEqual(shift.map(8..<10), 9..<11)
    }

    func testARangeOverAnEditCoversItsReplacement() {
        XCTAssertEqual(shift.map(1..<5), 1..<4)
        XCTAssertEqual(shift.map(2..<4), 2..<3)
        XCTAssertEqual(shift.editRanges, [2..<3, 5..<9])
    }

    func testAnOffsetInsideAnEditMovesToItsEdge() {
        XCTAssertEqual(shift.map(3, lower: true), 2)
        XCTAssertEqual(shift.map(3, lower: false), 3)
    }
}
