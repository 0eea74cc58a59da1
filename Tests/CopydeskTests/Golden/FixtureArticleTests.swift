import Foundation
import XCTest
@testable import Copydesk

/// End-to-end: each fixture article, written in the style of real scraped news, comes out of the
/// default pipelines exactly as its `.expected.txt`, with the meta of its `.expected-meta.json`.
final class FixtureArticleTests: XCTestCase {
    private let articles = fixturesDirectory.appendingPathComponent("articles")

    private func fixtureNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: articles.path)
            .filter { $0.hasSuffix(".txt") && !$0.hasSuffix(".expected.txt") }
            .map { String($0.dropLast(4)) }
            .sorted()
    }

    private func check(pipelineNamed name: String) throws {
        let pipeline = try ConfigLocation.embedded(name).load()
        let names = try fixtureNames()
        XCTAssertGreaterThanOrEqual(names.count, 6)
        for fixture in names {
            let input = try String(contentsOf: articles.appendingPathComponent("\(fixture).txt"), encoding: .utf8)
            let expected = try String(contentsOf: articles.appendingPathComponent("\(fixture).expected.txt"), encoding: .utf8)
            let metaData = try Data(contentsOf: articles.appendingPathComponent("\(fixture).expected-meta.json"))
            let expectedMeta = try XCTUnwrap(JSONSerialization.jsonObject(with: metaData) as? [String: String])

            let document = process(input, through: pipeline)
            XCTAssertEqual((document.string("text") ?? "") + "\n", expected, "\(fixture): cleaned text (\(name))")
            var meta: [String: String] = [:]
            for entry in document.meta.entries { meta[entry.key] = entry.value }
            XCTAssertEqual(meta, expectedMeta, "\(fixture): meta (\(name))")
            XCTAssertEqual(document.errors, [], "\(fixture): no rule errors")
        }
    }

    func testFixtureArticlesCleanAsExpectedWithTheCleanPipeline() throws {
        try check(pipelineNamed: "clean.yaml")
    }

    func testFixtureArticlesCleanAsExpectedWithTheDefaultPipeline() throws {
        try check(pipelineNamed: "pipeline.yaml")
    }

    func testSampleArticlesAreCleanedWithoutRejectsThroughTheCLI() throws {
        let input = try Data(contentsOf: packageRoot.appendingPathComponent("examples/articles.jsonl"))
        let result = try runCopydesk(["run", "--explain"], stdin: input, in: try temporaryDirectory(self))
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, input.split(separator: UInt8(ascii: "\n")).count)
        for marker in ["ALSO READ", "Also Read", "Posted By:", "WhatsApp. Click to join", "pic.twitter.com"] {
            for line in lines {
                let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                XCTAssertFalse((object["text"] as? String ?? "").contains(marker), "\(marker) left in \(object["id"] ?? "?")")
            }
        }
    }
}
