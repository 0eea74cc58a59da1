import XCTest
@testable import Copydesk

final class NEREvaluationTests: XCTestCase {
    func testExactMatchArithmetic() {
        let gold = [
            TokenSpan(start: 0, end: 2, label: .person),
            TokenSpan(start: 3, end: 4, label: .location),
            TokenSpan(start: 5, end: 7, label: .organization),
            TokenSpan(start: 8, end: 9, label: .location),
        ]
        let predicted = [
            TokenSpan(start: 0, end: 2, label: .person),        // correct
            TokenSpan(start: 3, end: 4, label: .organization),  // wrong label
            TokenSpan(start: 5, end: 6, label: .organization),  // wrong boundary
            TokenSpan(start: 8, end: 9, label: .location),      // correct
            TokenSpan(start: 9, end: 10, label: .miscellaneous), // spurious
        ]
        var evaluation = NEREvaluation()
        evaluation.add(gold: gold, predicted: predicted, tokenCount: 10)
        let all = evaluation.scores()
        XCTAssertEqual(all.precision, 2.0 / 5.0, accuracy: 1e-12)
        XCTAssertEqual(all.recall, 2.0 / 4.0, accuracy: 1e-12)
        XCTAssertEqual(all.f1, 2 * 0.4 * 0.5 / 0.9, accuracy: 1e-12)
        let location = evaluation.scores(.location)
        XCTAssertEqual(location.precision, 1.0, accuracy: 1e-12)
        XCTAssertEqual(location.recall, 0.5, accuracy: 1e-12)
        XCTAssertEqual(evaluation.scores(.miscellaneous).precision, 0)
        // Token labels: 0,1 ok; 2 O ok; 3 wrong; 4 ok; 5 ok; 6 wrong; 7 ok; 8 ok; 9 wrong.
        XCTAssertEqual(evaluation.tokensCorrect, 7)
        XCTAssertTrue(evaluation.report().contains("FB1: 44.44%"))
    }
}
