import CopydeskPluginAPI
import XCTest
@testable import Copydesk

final class PluginProtocolTests: XCTestCase {
    private func parse(_ line: String) -> Result<(id: Int, outcome: Result<PluginResponse.Outcome, PluginMessageError>), PluginMessageError> {
        PluginResponse.parsed(Array(line.utf8))
    }

    func testAResponseWithoutAnIntegerIDBreaksTheProtocol() {
        for line in [#"{"doc": {}}"#, #"{"id": "3"}"#, "not json", "[1]", #"{"id": 2.5}"#] {
            guard case .failure = parse(line) else { return XCTFail("accepted \(line)") }
        }
    }

    func testAMalformedAnswerWithAnIDIsThatDocumentsProblem() throws {
        guard case .success(let answer) = parse(#"{"id": 4, "doc": {"text": 12}}"#) else { return XCTFail() }
        XCTAssertEqual(answer.id, 4)
        guard case .failure(let error) = answer.outcome else { return XCTFail("accepted a number as a field") }
        XCTAssertEqual(error.description, "field \"text\" must be a string")
    }

    func testAnswersParse() throws {
        guard case .success(let none) = parse(#"{"id": 1}"#), case .success(.changed(let empty)) = none.outcome else { return XCTFail() }
        XCTAssertTrue(empty.isEmpty)
        guard case .success(let drop) = parse(#"{"id": 2, "drop": "spam"}"#) else { return XCTFail() }
        XCTAssertEqual(try drop.outcome.get(), .drop(reason: "spam"))
        guard case .success(let error) = parse(#"{"id": 3, "error": "boom"}"#) else { return XCTFail() }
        XCTAssertEqual(try error.outcome.get(), .error("boom"))
    }

    func testMetaNumbersAndBooleansBecomeStrings() throws {
        guard case .success(let answer) = parse(#"{"id": 1, "doc": {"copydesk": {"meta": {"b": true, "f": 2.5, "i": 3, "s": "x"}}}}"#),
              case .success(.changed(let changes)) = answer.outcome else { return XCTFail() }
        XCTAssertEqual(changes.meta.map(\.key), ["b", "f", "i", "s"])
        XCTAssertEqual(changes.meta.map(\.value), ["true", "2.5", "3", "x"])
    }

    func testAnUnknownAnnotationMemberIsRefused() {
        guard case .success(let answer) = parse(#"{"id": 1, "doc": {"copydesk": {"tagz": ["a"]}}}"#),
              case .failure(let error) = answer.outcome else { return XCTFail() }
        XCTAssertTrue(error.description.contains("unknown member \"tagz\""), error.description)
    }

    func testTheRequestCarriesFieldsAndAnnotations() throws {
        var document = Document(fields: ["text": Array("He said \"hi\"".utf8), "title": Array("T".utf8)])
        document.meta.set("author", "A")
        document.addTag("x")
        let line = PluginRequestEncoder(fields: nil).request(id: 9, document: document)
        XCTAssertEqual(String(decoding: line, as: UTF8.self),
                       #"{"id":9,"doc":{"text":"He said \"hi\"","title":"T","copydesk":{"meta":{"author":"A"},"tags":["x"],"flags":[],"decision":"keep"}}}"# + "\n")
        let onlyText = PluginRequestEncoder(fields: ["text"]).request(id: 1, document: document)
        XCTAssertFalse(String(decoding: onlyText, as: UTF8.self).contains("title"))
    }

    func testAPluginDocumentSendsBackOnlyWhatChanged() {
        let original = PluginDocument(fields: ["text": "a", "title": "t"], meta: ["k": "v"], tags: ["old"])
        var document = original
        document["text"] = "b"
        document.meta["n"] = "1"
        document.tags.append("new")
        guard case .changed(let changes) = document.outcome(since: original) else { return XCTFail() }
        XCTAssertEqual(changes.fields, ["text": "b"])
        XCTAssertEqual(changes.meta.map(\.key), ["n"])
        XCTAssertEqual(changes.tags, ["new"])
        document.drop(reason: "r")
        XCTAssertEqual(document.outcome(since: original), .drop(reason: "r"))
    }

    func testAHandshakeRoundTrips() throws {
        let handshake = PluginHandshake(name: "n", version: "2.0", capabilities: ["meta", "future"])
        let parsed = try handshake.line.withUnsafeBytes { (bytes) throws(PluginMessageError) in try PluginHandshake(line: bytes) }
        XCTAssertEqual(parsed, handshake)
        XCTAssertEqual(parsed.knownCapabilities, [.meta])
    }

    func testASettledDocumentIsSkippedByLaterStages() throws {
        let pipeline = try makePipeline(ruleStage("      - {id: t, pattern: 'x', action: tag, tags: [seen], examples: [{input: x, matches: true}]}"))
        var document = Document(fields: ["text": Array("x".utf8)])
        document.fail(stage: "earlier", reason: "no")
        pipeline.process(&document, context: WorkerContext())
        XCTAssertEqual(document.tags, [])
        XCTAssertTrue(document.isSettled)
    }
}
