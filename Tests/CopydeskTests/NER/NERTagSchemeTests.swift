import XCTest
@testable import Copydesk

final class NERTagSchemeTests: XCTestCase {
    func testIOB1ToSpans() throws {
        let text = """
        Ana X X I-PER
        Ruiz X X I-PER
        Bo X X B-PER
        Lind X X I-PER
        visited X X O
        New X X I-LOC
        Harbor X X I-LOC
        Trust X X I-ORG
        """
        let documents = try CoNLLReader.parse(text)
        XCTAssertEqual(documents.count, 1)
        XCTAssertEqual(documents[0].entities, [
            TokenSpan(start: 0, end: 2, label: .person),
            TokenSpan(start: 2, end: 4, label: .person),
            TokenSpan(start: 5, end: 7, label: .location),
            TokenSpan(start: 7, end: 8, label: .organization),
        ])
    }

    func testRoundTripThroughEachScheme() throws {
        let spans = [
            TokenSpan(start: 0, end: 2, label: .person),
            TokenSpan(start: 2, end: 3, label: .person),
            TokenSpan(start: 4, end: 5, label: .miscellaneous),
            TokenSpan(start: 5, end: 8, label: .organization),
        ]
        for scheme in NERTagScheme.allCases {
            var tags: [UInt8] = []
            scheme.encode(spans, count: 9, into: &tags)
            XCTAssertEqual(tags.count, 9)
            XCTAssertEqual(scheme.decode(tags), spans, "scheme \(scheme.name)")
            // Every adjacent pair the encoder produces is one the decoder's constraints allow.
            var previous: Int?
            for tag in tags.map(Int.init) {
                XCTAssertTrue(scheme.allows(from: previous, to: tag), "\(scheme.name): \(previous.map(scheme.tagName) ?? "^") -> \(scheme.tagName(tag))")
                previous = tag
            }
            XCTAssertTrue(scheme.allows(from: previous, to: nil))
        }
        XCTAssertEqual(NERTagScheme.bilou.tagName(Int(NERTagScheme.bilou.tag(.location, NERTagScheme.unit))), "U-LOC")
    }

    func testDecodeToleratesStrayInsideTags() {
        let scheme = NERTagScheme.bio
        let tags = [scheme.tag(.person, NERTagScheme.inside), scheme.tag(.location, NERTagScheme.inside), 0].map(UInt8.init)
        XCTAssertEqual(scheme.decode(tags), [
            TokenSpan(start: 0, end: 1, label: .person),
            TokenSpan(start: 1, end: 2, label: .location),
        ])
    }

    func testUnknownTagIsReportedWithLine() {
        XCTAssertThrowsError(try CoNLLReader.parse("A X X O\nB X X I-FOO\n", path: "f.conll")) { error in
            XCTAssertEqual(error as? CoNLLError, .unknownTag(path: "f.conll", line: 2, tag: "I-FOO"))
        }
    }
}
