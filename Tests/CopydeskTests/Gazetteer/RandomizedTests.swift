import Copydesk
import XCTest

/// Compares the automaton with `ReferenceMatcher` on random small
/// dictionaries and texts built from a tricky alphabet.
final class RandomizedTests: XCTestCase {
    private struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    private let formAlphabet = ["a", "b", "A", "B", "é", "É", "σ", "Σ", "ς", "İ", "i", "ẞ", "ß",
                                "Я", "я", "'", "’", "-", "–", "1", " ", "  "]
    private let textExtras = [" ", "\t", "\n", "\u{A0}", ".", "(", ")", "한", "x", "\u{307}", "\u{2003}"]

    private func randomString(_ alphabet: [String], _ length: ClosedRange<Int>,
                              _ rng: inout SplitMix64) -> String {
        (0..<Int.random(in: length, using: &rng)).map { _ in alphabet.randomElement(using: &rng) ?? "" }.joined()
    }

    func testAgainstReferenceMatcher() {
        var rng = SplitMix64(state: 2024)
        var total = 0
        for round in 0..<10_000 {
            var entries: [GazetteerEntry] = []
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                let aliases = (0..<Int.random(in: 0...2, using: &rng)).map { _ in
                    randomString(formAlphabet, 1...4, &rng)
                }
                entries.append(GazetteerEntry(name: randomString(formAlphabet, 1...4, &rng), label: "X",
                                              aliases: aliases, caseSensitive: Bool.random(using: &rng)))
            }
            // Texts mostly reuse form pieces so that matches are frequent.
            var text = ""
            for _ in 0..<Int.random(in: 0...8, using: &rng) {
                if Bool.random(using: &rng), let entry = entries.randomElement(using: &rng) {
                    text += ([entry.name] + entry.aliases).randomElement(using: &rng) ?? ""
                } else {
                    text += randomString(formAlphabet + textExtras, 1...3, &rng)
                }
            }
            let expected = ReferenceMatcher(entries: entries).matches(in: text)
            let actual = Gazetteer(entries: entries).matches(in: text)
            total += expected.count
            if actual != expected {
                XCTFail("round \(round): text \(text.debugDescription) entries \(entries.map(\.name)) "
                        + "\(entries.map(\.aliases)) \(entries.map(\.caseSensitive)): "
                        + "expected \(expected) got \(actual)")
                return
            }
        }
        XCTAssertGreaterThan(total, 4000, "the random texts should produce many matches")
    }

    func testRandomBytesNeverCrash() {
        var rng = SplitMix64(state: 99)
        let gazetteer = Gazetteer(entries: [
            GazetteerEntry(name: "Zürich", label: "LOC"), GazetteerEntry(name: "a b", label: "X"),
            GazetteerEntry(name: "São Paulo", label: "LOC"),
            GazetteerEntry(name: "People’s", label: "X", caseSensitive: true),
        ])
        let pieces: [[UInt8]] = [[0xC3], [0xBC], [0xE2, 0x80], [0xE2, 0x80, 0x99], [0xF0, 0x9F], [0xFF],
                                 [0xED, 0xA0, 0x80], [0xC2, 0xA0], Array("Zürich".utf8), Array("a b".utf8),
                                 [0x20], [0x61], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF]]
        for _ in 0..<5000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &rng) {
                bytes += pieces.randomElement(using: &rng) ?? []
            }
            let found = bytes.withUnsafeBufferPointer { gazetteer.matches(in: $0) }
            var last = 0
            for match in found {
                XCTAssertGreaterThanOrEqual(match.range.lowerBound, last)
                XCTAssertLessThanOrEqual(match.range.upperBound, bytes.count)
                XCTAssertFalse(match.range.isEmpty)
                last = match.range.upperBound
            }
        }
    }
}
