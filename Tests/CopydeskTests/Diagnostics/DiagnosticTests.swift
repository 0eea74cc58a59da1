import XCTest
@testable import Copydesk

final class DiagnosticTests: XCTestCase {
    func testDescriptionStartsWithTheMark() {
        let diagnostic = Diagnostic(.error, "unknown action \"strp\"", at: SourceMark(file: "r.yaml", line: 3, column: 5))
        XCTAssertEqual(diagnostic.description, "r.yaml:3:5: error: unknown action \"strp\"")
    }

    func testDescriptionWithoutMarkIsSeverityAndMessage() {
        XCTAssertEqual(Diagnostic(.warning, "no rules", at: nil).description, "warning: no rules")
    }

    func testListDescriptionPutsOneDiagnosticPerLine() {
        let list = DiagnosticList([Diagnostic(.error, "a", at: nil), Diagnostic(.note, "b", at: nil)])
        XCTAssertEqual(list.description, "error: a\nnote: b")
    }

    func testListHasErrorsOnlyWithAnErrorDiagnostic() {
        XCTAssertFalse(DiagnosticList([Diagnostic(.warning, "w", at: nil), Diagnostic(.note, "n", at: nil)]).hasErrors)
        XCTAssertTrue(DiagnosticList([Diagnostic(.note, "n", at: nil), Diagnostic(.error, "e", at: nil)]).hasErrors)
    }
}
