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

    func testEmbeddedBinariesMatchTheRulesFolder() throws {
        let rules = packageRoot.appendingPathComponent("Rules")
        var onDisk: [String: Data] = [:]
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(atPath: rules.path))
        while let path = enumerator.nextObject() as? String {
            guard path.hasSuffix(".bin") else { continue }
            onDisk[path] = try Data(contentsOf: rules.appendingPathComponent(path))
        }
        let embedded = Dictionary(uniqueKeysWithValues: EmbeddedRules.generatedBinaryFiles.map { ($0.path, Data(base64Encoded: $0.base64)) })
        XCTAssertEqual(Set(onDisk.keys), Set(embedded.keys), "run `make embed`")
        for (path, bytes) in onDisk {
            XCTAssertEqual(embedded[path] ?? nil, bytes, "\(path) differs from its embedded copy: run `make embed`")
        }
    }

    func testTheEmbeddedNERModelLoads() throws {
        let bytes = try XCTUnwrap(EmbeddedRules.nerModel)
        XCTAssertNoThrow(try NERModel(bytes: bytes))
    }

    func testTheEmbeddedDefaultPipelineCompiles() throws {
        let pipeline = try ConfigLocation.embedded("pipeline.yaml").load()
        XCTAssertGreaterThan(pipeline.ruleCount, 10)
        let clean = try ConfigLocation.embedded("clean.yaml").load()
        XCTAssertGreaterThan(clean.ruleCount, 10)
    }
}
