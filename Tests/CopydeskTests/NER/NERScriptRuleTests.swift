import XCTest
@testable import Copydesk

final class NERScriptRuleTests: XCTestCase {
    /// A model whose only feature, the bias, pushes every token towards `B-PER`: left
    /// alone it would tag everything as a person, so only the rule can keep spans out.
    private func eagerModel() -> NERModel {
        let scheme = NERTagScheme.bio
        var weights = [Int16](repeating: 0, count: scheme.tagCount)
        weights[scheme.tag(.person, NERTagScheme.begin)] = 1000
        let transitions = [Int32](repeating: 0, count: (scheme.tagCount + 1) * (scheme.tagCount + 1))
        return NERModel(scheme: scheme, weightScale: 1, keys: [NERFeatureExtractor.key(.bias, 0)], weights: weights,
                        transitions: transitions, gazetteer: .empty)
    }

    func testEagerModelTagsLatinWords() {
        XCTAssertFalse(eagerModel().tag("Ravi Kumar").isEmpty)
    }

    func testOtherScriptsProduceNoEntities() {
        let model = eagerModel()
        XCTAssertEqual(model.tag("प्रधानमंत्री नरेंद्र मोदी ने दिल्ली में रैली की।"), [])
        XCTAssertEqual(model.tag("하성운 씨는 서울에서 공연했다."), [])
        XCTAssertEqual(model.tag("Москва и Пекин"), [])
        XCTAssertEqual(model.tag("東京 と 大阪"), [])
        XCTAssertEqual(model.tag("... !!! ---"), [])
    }

    func testMixedTextKeepsOnlyLatinSpans() {
        let model = eagerModel()
        let text = "मोदी met Ravi in सियोल"
        let bytes = Array(text.utf8)
        let spans = model.tag(text)
        XCTAssertFalse(spans.isEmpty)
        for span in spans {
            let covered = String(decoding: bytes[span.byteStart..<span.byteEnd], as: UTF8.self)
            XCTAssertTrue(covered.unicodeScalars.allSatisfy { $0.isASCII }, covered)
        }
    }

    func testTrainedModelOnOtherScripts() throws {
        let model = try TrainingFixture.trainedModel()
        XCTAssertEqual(model.tag("भारत के प्रधानमंत्री ने कहा। 대한민국 대통령이 말했다."), [])
    }
}
