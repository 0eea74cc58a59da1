import XCTest
@testable import Copydesk

/// Parses `text` as the file `test.yaml`.
func parsedYAML(_ text: String) throws -> YAMLNode {
    try YAMLParser.parse(text, file: "test.yaml")
}

/// The diagnostics that parsing `text` throws; fails the test if parsing succeeds.
func yamlDiagnostics(
    _ text: String,
    file: StaticString = #filePath,
    line: UInt = #line
) -> [Diagnostic] {
    do {
        _ = try YAMLParser.parse(text, file: "test.yaml")
        XCTFail("expected parsing to fail", file: file, line: line)
        return []
    } catch {
        return error.diagnostics
    }
}

/// A mark in `test.yaml`.
func yamlMark(_ line: Int, _ column: Int) -> SourceMark {
    SourceMark(file: "test.yaml", line: line, column: column)
}
