import XCTest
@testable import Copydesk

final class NERModelTests: XCTestCase {
    private let sample = "Tomas Ilves and Anna Berglund of Velmora Systems flew to Tallinn. KESTREL WINS NORDIC CUP\n"

    private func temporaryPath(_ name: String) -> String {
        NSTemporaryDirectory() + "ner-test-\(ProcessInfo.processInfo.processIdentifier)-\(name)"
    }

    func testFixtureModelFindsTrainingNames() throws {
        let model = try TrainingFixture.trainedModel()
        let spans = model.tag(sample)
        let bytes = Array(sample.utf8)
        let found = spans.map { "\(String(decoding: bytes[$0.byteStart..<$0.byteEnd], as: UTF8.self))/\($0.label.name)" }
        XCTAssertTrue(found.contains("Anna Berglund/PER"), "\(found)")
        XCTAssertTrue(found.contains("Tallinn/LOC"), "\(found)")
    }

    func testSaveLoadRoundTripGivesIdenticalPredictions() throws {
        let model = try TrainingFixture.trainedModel()
        let path = temporaryPath("roundtrip.bin")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try model.write(to: path)
        let loaded = try NERModel(contentsOf: path)
        XCTAssertEqual(loaded.serialized(), model.serialized())
        XCTAssertEqual(loaded.tag(sample), model.tag(sample))
        let documents = try TrainingFixture.documents()
        var scratchA = NERScratch(), scratchB = NERScratch()
        for document in documents {
            let (text, tokens) = document.layout()
            let a = text.withUnsafeBufferPointer { model.tagTokens($0, tokens: tokens, sentenceStarts: document.sentenceStarts, scratch: &scratchA) }
            let b = text.withUnsafeBufferPointer { loaded.tagTokens($0, tokens: tokens, sentenceStarts: document.sentenceStarts, scratch: &scratchB) }
            XCTAssertEqual(a, b)
        }
    }

    func testSingleStageModelRoundTrip() throws {
        var options = NERTrainingOptions()
        options.stages = 1
        options.gazetteerFolds = 2
        options.epochs = 3
        let model = NERTrainer(options: options).train(training: try TrainingFixture.documents())
        XCTAssertEqual(model.stageCount, 1)
        let loaded = try NERModel(bytes: model.serialized())
        XCTAssertEqual(loaded.stageCount, 1)
        XCTAssertEqual(loaded.serialized(), model.serialized())
        XCTAssertEqual(loaded.tag(sample), model.tag(sample))
        XCTAssertEqual(try TrainingFixture.trainedModel().stageCount, 2)
    }

    func testTrainingIsDeterministic() throws {
        let first = try TrainingFixture.trainedModel(seed: 3).serialized()
        let second = try TrainingFixture.trainedModel(seed: 3).serialized()
        XCTAssertEqual(first, second)
    }

    func testBadFilesGiveTypedErrors() throws {
        let bytes = try TrainingFixture.trainedModel().serialized()
        XCTAssertThrowsError(try NERModel(bytes: Array("not a model at all".utf8), path: "x")) { error in
            XCTAssertEqual(error as? NERModelError, .notAModel(path: "x"))
        }
        XCTAssertThrowsError(try NERModel(bytes: Array(bytes.prefix(bytes.count / 2)), path: "x")) { error in
            guard case .truncated = error as? NERModelError else { return XCTFail("\(error)") }
        }
        var damaged = bytes
        damaged[damaged.count - 20] ^= 0x40
        XCTAssertThrowsError(try NERModel(bytes: damaged, path: "x")) { error in
            XCTAssertEqual(error as? NERModelError, .checksumMismatch(path: "x"))
        }
        var future = bytes
        future[8] = 99
        XCTAssertThrowsError(try NERModel(bytes: future, path: "x")) { error in
            XCTAssertEqual(error as? NERModelError, .unsupportedFormat(path: "x", found: 99, supported: 1))
        }
        XCTAssertThrowsError(try NERModel(contentsOf: temporaryPath("missing.bin"))) { error in
            guard case .unreadable = error as? NERModelError else { return XCTFail("\(error)") }
        }
        for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
            XCTAssertThrowsError(try NERModel(bytes: Array(bytes.prefix(cut)), path: "x"))
        }
    }
}
