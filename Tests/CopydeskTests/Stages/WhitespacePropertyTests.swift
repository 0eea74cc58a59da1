import XCTest
@testable import Copydesk

/// The whitespace stage's one-pass scanner, which skips clean 8-byte words, must agree with a
/// plain line-by-line reference on any text.
final class WhitespacePropertyTests: XCTestCase {
    /// Reference: split into lines, tidy each, limit blank runs, trim the ends.
    private func reference(_ text: String, maxBlankLines: Int) -> String {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var lines: [String] = []
        for raw in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var pendingSpace = false
            for character in raw {
                if character == " " || character == "\t" {
                    pendingSpace = true
                } else {
                    if pendingSpace && !line.isEmpty { line.append(" ") }
                    pendingSpace = false
                    line.append(character)
                }
            }
            lines.append(line)
        }
        while lines.first == "" { lines.removeFirst() }
        while lines.last == "" { lines.removeLast() }
        var result: [String] = []
        var blanks = 0
        for line in lines {
            blanks = line.isEmpty ? blanks + 1 : 0
            if blanks <= maxBlankLines { result.append(line) }
        }
        return result.joined(separator: "\n")
    }

    func testScannerAgreesWithTheReferenceOnRandomText() {
        var generator = JSONLineFixture.SeededRandom(seed: 42)
        let pieces = ["a", "bc", "déf", "日本", " ", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", " \n", "word", "x.", "\u{0C}"]
        for round in 0..<4000 {
            var text = ""
            let length = Int(generator.next() % 40)
            for _ in 0..<length { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
            let maxBlank = Int(generator.next() % 3)
            var options = WhitespaceStage.Options()
            options.maxBlankLines = maxBlank
            let pipeline = Pipeline(stages: [WhitespaceStage(id: "ws", options: options)], file: "test")
            let got = process(text, through: pipeline).string("text")
            XCTAssertEqual(got, reference(text, maxBlankLines: maxBlank), "round \(round): \(text.debugDescription)")
            if got != reference(text, maxBlankLines: maxBlank) { return }
        }
    }
}
