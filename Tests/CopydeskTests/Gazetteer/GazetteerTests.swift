import Copydesk
import XCTest

final class GazetteerTests: XCTestCase {
    /// Matches rendered as "surface#entry".
    private func found(_ gazetteer: Gazetteer, _ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return gazetteer.matches(in: text).map { "\(String(decoding: bytes[$0.range], as: UTF8.self))#\($0.entry)" }
    }

    private func loc(_ name: String, _ aliases: [String] = [], caseSensitive: Bool = false) -> GazetteerEntry {
        GazetteerEntry(name: name, label: "LOC", aliases: aliases, caseSensitive: caseSensitive)
    }

    func testLongestMatchWins() {
        let g = Gazetteer(entries: [loc("Delhi"), loc("New Delhi")])
        XCTAssertEqual(found(g, "From New Delhi to Delhi."), ["New Delhi#1", "Delhi#0"])
    }

    func testAliasesMapToTheirEntry() {
        let g = Gazetteer(entries: [loc("India", ["Bharat", "Republic of India"]), loc("Nepal")])
        XCTAssertEqual(found(g, "Bharat, the Republic of India, borders Nepal; India too."),
                       ["Bharat#0", "Republic of India#0", "Nepal#1", "India#0"])
        XCTAssertEqual(g.entries[0].aliases, ["Bharat", "Republic of India"])
    }

    func testCaseSensitivity() {
        let g = Gazetteer(entries: [GazetteerEntry(name: "US", label: "LOC", caseSensitive: true), loc("Paris")])
        XCTAssertEqual(found(g, "us and Us and US"), ["US#0"])
        XCTAssertEqual(found(g, "PARIS paris Paris pArIs"), ["PARIS#1", "paris#1", "Paris#1", "pArIs#1"])
    }

    func testSameFormFirstEntryWins() {
        let g = Gazetteer(entries: [loc("Georgia"), GazetteerEntry(name: "Georgia", label: "GPE")])
        XCTAssertEqual(found(g, "Georgia"), ["Georgia#0"])
        // A case-sensitive entry that does not accept the text lets a later entry win.
        let h = Gazetteer(entries: [loc("Georgia", caseSensitive: true), GazetteerEntry(name: "georgia", label: "GPE")])
        XCTAssertEqual(found(h, "Georgia GEORGIA"), ["Georgia#0", "GEORGIA#1"])
    }

    func testTokenBoundaries() {
        let g = Gazetteer(entries: [loc("India"), GazetteerEntry(name: "US", label: "LOC", caseSensitive: true)])
        XCTAssertEqual(found(g, "India's (India) Indiana xIndia India2 India-based"), ["India#0", "India#0", "India#0"])
        XCTAssertEqual(found(g, "USB US-made USA the US."), ["US#1", "US#1"])
    }

    func testMultiByteTextAndByteOffsets() {
        let g = Gazetteer(entries: [loc("São Paulo"), loc("Zürich"), loc("भारत"), loc("Москва"), loc("Αθήνα")])
        let text = "서울 São Paulo 그리고 ZÜRICH. भारत की राजधानी; МОСКВА и αθήνα"
        let matches = g.matches(in: text)
        XCTAssertEqual(matches.map(\.entry), [0, 1, 2, 3, 4])
        let bytes = Array(text.utf8)
        let first = "서울 ".utf8.count
        XCTAssertEqual(matches[0].range, first..<(first + "São Paulo".utf8.count))
        XCTAssertEqual(found(g, text), ["São Paulo#0", "ZÜRICH#1", "भारत#2", "МОСКВА#3", "αθήνα#4"])
        XCTAssertEqual(String(decoding: bytes[matches[2].range], as: UTF8.self), "भारत")
        // Hangul is alphabetic, so an attached particle blocks the end boundary.
        XCTAssertEqual(found(g, "Zürich에서 são paulo"), ["são paulo#0"])
    }

    func testWhitespaceNormalisation() {
        let g = Gazetteer(entries: [loc("  New   Delhi "), loc("   ")])
        XCTAssertEqual(found(g, "New  Delhi|New\nDelhi|New\u{A0}Delhi|New \t\r\n Delhi|NewDelhi"),
                       ["New  Delhi#0", "New\nDelhi#0", "New\u{A0}Delhi#0", "New \t\r\n Delhi#0"])
        XCTAssertEqual(found(g, "   "), [])
    }

    func testApostropheAndDashNormalisation() {
        let g = Gazetteer(entries: [
            loc("People's Republic"), loc("People’s Party"),
            GazetteerEntry(name: "Guinea-Bissau", label: "LOC", caseSensitive: true),
        ])
        XCTAssertEqual(found(g, "People’s Republic / People's Party / Guinea–Bissau / Guinea-Bissau"),
                       ["People’s Republic#0", "People's Party#1", "Guinea–Bissau#2", "Guinea-Bissau#2"])
    }

    func testLeftmostLongestWithOverlaps() {
        let g = Gazetteer(entries: [loc("New York"), loc("York Times"), loc("New York City"),
                                    loc("Bank of America"), loc("America Online")])
        XCTAssertEqual(found(g, "New York Times"), ["New York#0"])
        XCTAssertEqual(found(g, "the York Times"), ["York Times#1"])
        XCTAssertEqual(found(g, "New York City"), ["New York City#2"])
        // The longer candidate fails its end boundary, so the shorter one wins.
        XCTAssertEqual(found(g, "New York Citywide"), ["New York#0"])
        XCTAssertEqual(found(g, "Bank of America Online"), ["Bank of America#3"])
    }

    func testEmptyInputs() {
        XCTAssertEqual(Gazetteer(entries: [loc("India")]).matches(in: ""), [])
        XCTAssertEqual(Gazetteer(entries: []).matches(in: "India"), [])
        let empty: [UInt8] = []
        XCTAssertEqual(empty.withUnsafeBufferPointer { Gazetteer(entries: [loc("a")]).matches(in: $0) }, [])
    }

    func testInvalidUTF8() {
        let g = Gazetteer(entries: [loc("Delhi"), loc("Zürich")])
        let bytes: [UInt8] = [0xFF] + Array("Delhi".utf8) + [0xC3, 0x20] + Array("Zürich".utf8) + [0xE2, 0x80]
        let matches = bytes.withUnsafeBufferPointer { g.matches(in: $0) }
        // Invalid bytes count as non-letters.
        XCTAssertEqual(matches, [GazetteerMatch(range: 1..<6, entry: 0), GazetteerMatch(range: 8..<15, entry: 1)])
        let truncated: [UInt8] = Array("Z".utf8) + [0xC3]
        XCTAssertEqual(truncated.withUnsafeBufferPointer { g.matches(in: $0) }, [])
    }

    func testCaseFoldingBeyondASCII() {
        let g = Gazetteer(entries: [loc("Ærøskøbing"), loc("Łódź"), loc("Straße"), loc("ǅemal")])
        XCTAssertEqual(found(g, "ÆRØSKØBING łÓDŹ STRAẞE ǆemal"),
                       ["ÆRØSKØBING#0", "łÓDŹ#1", "STRAẞE#2", "ǆemal#3"])
    }
}
