import XCTest
@testable import Copydesk

/// The fast path for gazetteer files must read exactly what the YAML reader reads, and give up
/// (returning nil) on anything else.
final class GazetteerLineReaderTests: XCTestCase {
    /// The entries as the YAML event reader reads them, and the errors it reports.
    private func viaYAML(_ text: String) -> ([GazetteerEntry], [Diagnostic]) {
        let context = ConfigContext(fileSystem: InMemoryFileSystem(files: [:]))
        var entries: [GazetteerEntry] = []
        var reader = GazetteerEventReader(events: YAMLEventReader(bytes: Array(text.utf8), file: "g.yaml"), file: "g.yaml", context: context)
        do { try reader.readFile(into: &entries) } catch { context.report(error) }
        return (entries, context.diagnostics)
    }

    private func assertSameAsYAML(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        let fast = GazetteerLineReader.entries(of: Array(text.utf8))
        XCTAssertNotNil(fast, "the fast path gave up", file: file, line: line)
        let (slow, diagnostics) = viaYAML(text)
        XCTAssertEqual(diagnostics.count, 0, file: file, line: line)
        XCTAssertEqual(fast, slow, file: file, line: line)
    }

    func testEveryShippedGazetteerReadsTheSameBothWays() throws {
        let folder = packageRoot.appendingPathComponent("Rules/entities/gazetteers")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        XCTAssertGreaterThanOrEqual(files.count, 5)
        for name in files {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            assertSameAsYAML(text)
        }
    }

    func testQuotedStringsWithEscapesAndOtherScripts() {
        assertSameAsYAML(#"""
            # a comment
            gazetteer: {label: ORG, case: sensitive}
            entries:
              - {name: "Say \"Hi\" \\ Co", aliases: ["Zoë", "한국", "\u00e9t\u00E9", "a/b", "x\/y"], id: "q:1"}   # trailing comment
              - {name: "Plain", label: LOC, case: insensitive, aliases: []}
              - {label: MISC, name: "Key order does not matter"}
              - {name: WordValue, id: a:b}
            """#)
    }

    func testBlockDefaults() {
        assertSameAsYAML("gazetteer:\n  label: LOC\n  case: insensitive\nentries:\n  - {name: \"Pune\"}\n")
    }

    func testRandomEntriesReadTheSameBothWays() {
        var generator = JSONLineFixture.SeededRandom(seed: 11)
        let pieces = ["a", "Z", " ", "é", "\\\"", "\\\\", "’", "-", ".", "&", "'", "9", "日", "\\u00e9", ":", "#", "[", "}"]
        var lines = ["gazetteer: {label: LOC}", "entries:"]
        for index in 0..<300 {
            func string() -> String {
                "\"" + (0..<Int.random(in: 1...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined() + "\""
            }
            let aliases = (0..<Int.random(in: 0...2, using: &generator)).map { _ in string() }.joined(separator: ", ")
            lines.append("  - {name: \(string()), aliases: [\(aliases)], id: \"r:\(index)\"}")
        }
        assertSameAsYAML(lines.joined(separator: "\n") + "\n")
    }

    func testAnythingUnusualFallsBackToYAML() {
        let unusual = [
            "entries:\n  - name: Pune\n",                                   // block mapping entry
            "gazetteer: {label: LOC}\nentries:\n  - {name: \"A\", nmae: \"x\"}\n",  // unknown key
            "gazetteer: {label: LOC}\nentries:\n  - {name: \"A\", id: \"1\", id: \"2\"}\n",  // duplicate key
            "gazetteer: {label: LOC}\nentries:\n  - {id: \"1\"}\n",           // no name
            "entries:\n  - {name: \"No label anywhere\"}\n",                  // no label
            "gazetteer: {label: LOC, case: upper}\nentries:\n  - {name: \"A\"}\n",
            "gazetteer: {label: LOC}\nentries:\n  - {name: 'single quoted'}\n",
            "gazetteer: {label: LOC}\nentries:\n  - {name: \"A\"}# no space before the comment\n",
            "gazetteer: {label: LOC}\nentries:\n  - {name: \"\\x41\"}\n",      // an escape the fast path leaves to libyaml
            "gazetteer: {label: LOC}\nentries:\n  - {name: 123}\n",           // a number
            "gazetteer: {label: LOC}\ndescription: x\nentries:\n  - {name: \"A\"}\n",
            "gazetteer: {label: LOC}\n",                                       // no entries
        ]
        for text in unusual {
            XCTAssertNil(GazetteerLineReader.entries(of: Array(text.utf8)), text)
        }
    }
}
