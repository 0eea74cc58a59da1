import Foundation
import XCTest
@testable import Copydesk

final class DocumentPickerTests: XCTestCase {
    private let lines = """

        {"id": "a1", "text": "first"}
        {"id": 7, "text": "second"}
        not json
        {"id": "bad", "text": 5}

        """

    private func pick(_ selector: DocumentSelector, from input: String) throws -> PickedDocument {
        let url = try temporaryDirectory(self).appendingPathComponent("input")
        try input.write(to: url, atomically: true, encoding: .utf8)
        let descriptor = open(url.path, O_RDONLY)
        defer { close(descriptor) }
        return try DocumentPicker(inputName: "in.jsonl").pick(selector, from: descriptor)
    }

    private func pickError(_ selector: DocumentSelector, from input: String) -> DocumentPickError? {
        do {
            _ = try pick(selector, from: input)
            return nil
        } catch {
            return error as? DocumentPickError
        }
    }

    func testFirstIsTheFirstNonBlankLine() throws {
        let picked = try pick(.first, from: lines)
        XCTAssertEqual(picked.document.string("text"), "first")
        XCTAssertEqual(picked.document.line, 2)
        XCTAssertEqual(picked.id, "a1")
        XCTAssertEqual(picked.format, .jsonl)
    }

    func testIdMatchesAStringValue() throws {
        XCTAssertEqual(try pick(.id("a1"), from: lines).document.string("text"), "first")
    }

    func testIdMatchesANumberAsSpelled() throws {
        let picked = try pick(.id("7"), from: lines)
        XCTAssertEqual(picked.document.string("text"), "second")
        XCTAssertEqual(picked.document.line, 3)
    }

    func testLinePicksThatInputLine() throws {
        XCTAssertEqual(try pick(.line(3), from: lines).document.string("text"), "second")
    }

    func testAnUnknownIdIsNotFoundAndNamesTheUnsearchableLines() {
        guard case .notFound(let message) = pickError(.id("zz"), from: lines) else { return XCTFail("expected notFound") }
        XCTAssertEqual(message, #"no document in in.jsonl has id "zz" (1 line is not a JSON object and could not be searched)"#)
    }

    func testALineBeyondTheEndIsNotFound() {
        guard case .notFound(let message) = pickError(.line(9), from: lines) else { return XCTFail("expected notFound") }
        XCTAssertEqual(message, "in.jsonl has 5 lines, so there is no line 9")
    }

    func testAPickedLineThatRunWouldRejectIsARejection() {
        guard case .rejected(let rejection) = pickError(.line(4), from: lines) else { return XCTFail("expected a rejection") }
        XCTAssertEqual(rejection.line, 4)
        XCTAssertTrue(rejection.message.hasPrefix("malformed JSON"), rejection.message)
    }

    func testADocumentFoundByIdCanStillBeRejected() {
        guard case .rejected(let rejection) = pickError(.id("bad"), from: lines) else { return XCTFail("expected a rejection") }
        XCTAssertEqual(rejection.message, #"text field "text" is a number, expected a string"#)
    }

    func testPlainTextIsOneDocument() throws {
        let picked = try pick(.first, from: "Just text.\n{not an object}\n")
        XCTAssertEqual(picked.format, .text)
        XCTAssertEqual(picked.document.string("text"), "Just text.\n{not an object}\n")
    }

    func testPlainTextHasNoIdToPick() {
        guard case .notFound = pickError(.id("a1"), from: "Just text.") else { return XCTFail("expected notFound") }
    }
}
