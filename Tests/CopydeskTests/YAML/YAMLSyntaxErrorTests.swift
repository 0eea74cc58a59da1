import XCTest
@testable import Copydesk

final class YAMLSyntaxErrorTests: XCTestCase {
    func testSyntaxErrorHasLibyamlsProblemAtItsMark() {
        let diagnostics = yamlDiagnostics("id: strip\naction: a: b\n")
        XCTAssertEqual(
            diagnostics.map(\.description),
            ["test.yaml:2:10: error: mapping values are not allowed in this context"]
        )
    }

    func testSyntaxErrorIncludesLibyamlsContext() {
        let diagnostics = yamlDiagnostics("pattern: \"abc\n")
        XCTAssertEqual(
            diagnostics.map(\.description),
            ["test.yaml:2:1: error: found unexpected end of stream (while scanning a quoted scalar at line 1, column 10)"]
        )
    }

    func testSyntaxErrorComesAfterDuplicateKeysFoundBeforeIt() {
        let diagnostics = yamlDiagnostics("a: 1\na: 2\nb: [1, 2\n")
        XCTAssertEqual(diagnostics.map(\.mark?.line), [2, 4])
    }

    func testSecondDocumentIsAnErrorAtItsStart() {
        let diagnostics = yamlDiagnostics("a: 1\n---\nb: 2\n")
        XCTAssertEqual(
            diagnostics.map(\.description),
            ["test.yaml:2:1: error: expected a single YAML document, but a second document starts here"]
        )
    }

    func testInvalidUTF8IsADiagnosticAtTheBadByte() {
        let bytes = Array("id: one\ntitle: ".utf8) + [0xFF] + Array("\n".utf8)
        XCTAssertThrowsError(try YAMLParser.parse(bytes: bytes, file: "bad.yaml")) { error in
            XCTAssertEqual(
                (error as? DiagnosticList)?.description,
                "bad.yaml:2:8: error: invalid leading UTF-8 octet (byte 0xFF)"
            )
        }
    }

    func testTruncatedUTF8SequenceIsReportedAtItsFirstByte() {
        let bytes = Array("t: é".utf8) + [0xC3] + Array("\n".utf8)
        XCTAssertThrowsError(try YAMLParser.parse(bytes: bytes, file: "bad.yaml")) { error in
            XCTAssertEqual((error as? DiagnosticList)?.diagnostics.first?.mark?.column, 5)
        }
    }

    func testControlCharacterIsADiagnostic() {
        let diagnostics = yamlDiagnostics("id: a\u{1}b\n")
        XCTAssertEqual(
            diagnostics.map(\.description),
            ["test.yaml:1:6: error: control characters are not allowed (U+0001)"]
        )
    }

    func testDeepNestingIsADiagnosticNotACrash() {
        let diagnostics = yamlDiagnostics(String(repeating: "[", count: 100_000))
        XCTAssertEqual(diagnostics.map(\.message), ["collections are nested more than 1000 deep"])
    }
}
