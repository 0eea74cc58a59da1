import Foundation
import XCTest
@testable import Copydesk

final class EmbeddedRulesTests: XCTestCase {
    func testEmbeddedRulesMatchTheRulesFolder() throws {
        let rules = packageRoot.appendingPathComponent("Rules")
        var onDisk: [String: String] = [:]
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(atPath: rules.path))
        while let path = enumerator.nextObject() as? String {
            guard path.hasSuffix(".yaml") || path.hasSuffix(".yml") else { continue }
            onDisk[path] = try String(contentsOf: rules.appendingPathComponent(path), encoding: .utf8)
        }
        XCTAssertEqual(Set(onDisk.keys), Set(EmbeddedRules.files.keys), "run `make embed`")
        for (path, text) in onDisk {
            XCTAssertEqual(EmbeddedRules.files[path], text, "\(path) differs from its embedded copy: run `make embed`")
        }
    }

    func testTheEmbeddedDefaultPipelineCompiles() throws {
        let pipeline = try ConfigLocation.embedded("pipeline.yaml").load()
        XCTAssertGreaterThan(pipeline.ruleCount, 10)
        let clean = try ConfigLocation.embedded("clean.yaml").load()
        XCTAssertGreaterThan(clean.ruleCount, 10)
    }
}
