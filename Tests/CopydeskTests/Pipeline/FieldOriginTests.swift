import XCTest
@testable import Copydesk

/// The segment-based provenance must map every range exactly as a per-byte model does.
final class FieldOriginTests: XCTestCase {
    /// Per byte: its input offset, and whether it was inserted (then the offset is the insertion point).
    private struct Reference {
        var bytes: [(offset: Int, inserted: Bool)]
        let inputLength: Int

        init(length: Int) {
            bytes = (0..<length).map { ($0, false) }
            inputLength = length
        }

        mutating func apply(_ edits: [TextEdit]) {
            var next: [(offset: Int, inserted: Bool)] = []
            var cursor = 0
            for edit in edits {
                next.append(contentsOf: bytes[cursor..<edit.range.lowerBound])
                let anchor = edit.range.lowerBound < bytes.count ? bytes[edit.range.lowerBound].offset : inputLength
                next.append(contentsOf: repeatElement((offset: anchor, inserted: true), count: edit.replacement.count))
                cursor = edit.range.upperBound
            }
            next.append(contentsOf: bytes[cursor...])
            bytes = next
        }

        func range(_ range: Range<Int>) -> Range<Int> {
            let start = range.lowerBound < bytes.count ? bytes[range.lowerBound].offset : inputLength
            guard !range.isEmpty else { return start..<start }
            let last = bytes[range.upperBound - 1]
            return start..<max(start, last.inserted ? last.offset : last.offset + 1)
        }
    }

    func testSegmentsMapRangesLikeThePerByteModel() {
        var generator = JSONLineFixture.SeededRandom(seed: 7)
        for round in 0..<500 {
            let length = Int(generator.next() % 60)
            var origin = FieldOrigin(original: Array(repeating: UInt8(ascii: "x"), count: length))
            var reference = Reference(length: length)
            var current = length
            for _ in 0..<Int(generator.next() % 6) {
                var edits: [TextEdit] = []
                var position = 0
                while position < current, generator.next() % 3 != 0 {
                    let start = position + Int(generator.next() % UInt64(current - position + 1))
                    let end = min(current, start + Int(generator.next() % 5))
                    let replacement = Array(repeating: UInt8(ascii: "y"), count: Int(generator.next() % 3))
                    edits.append(TextEdit(range: start..<end, replacement: replacement))
                    position = end + 1
                }
                origin.apply(edits, oldLength: current)
                reference.apply(edits)
                current = reference.bytes.count
            }
            for start in 0...current {
                for end in start...current {
                    XCTAssertEqual(origin.originalRange(of: start..<end), reference.range(start..<end), "round \(round), range \(start)..<\(end)")
                    if origin.originalRange(of: start..<end) != reference.range(start..<end) { return }
                }
            }
        }
    }
}
