import Foundation
import XCTest
@testable import Copydesk

final class StatsTests: XCTestCase {
    private let pipeline = try! makePipeline("""
        stages:
          - stage: regex
            id: clean
            rules:
              - {id: junk, pattern: ' ?JUNK', action: strip}
              - {id: bait, pattern: 'sizzles', action: flag, category: clickbait}
              - {id: never, pattern: 'NEVER', action: strip}
              - {id: risky, pattern: '(a+)+$', action: strip}
          - stage: whitespace
        """)

    private func collect(_ texts: [String], limits: MatchLimits = MatchLimits()) -> PipelineStats {
        let context = WorkerContext(limits: limits, stats: PipelineStats(for: pipeline))
        for text in texts {
            var document = Document(fields: ["text": Array(text.utf8)])
            pipeline.process(&document, context: context)
        }
        return context.stats!
    }

    func testRuleCountersCountHitsDocumentsAndBytes() {
        let stats = collect(["a JUNK b JUNK", "c JUNK", "clean", "star sizzles"])
        XCTAssertEqual(stats.rules["junk"]?.hits, 3)
        XCTAssertEqual(stats.rules["junk"]?.documentsHit, 2)
        XCTAssertEqual(stats.rules["junk"]?.bytesRemoved, 15)
        XCTAssertEqual(stats.rules["bait"]?.documentsHit, 1)
        XCTAssertEqual(stats.rules["never"], RuleStats().with { $0.nanoseconds = stats.rules["never"]!.nanoseconds })
        XCTAssertEqual(stats.ruleOrder, ["junk", "bait", "never", "risky"])
    }

    func testModerationStagesCountADocumentOncePerRule() throws {
        let moderation = try makePipeline("""
            stages:
              - stage: pii
              - stage: lexicon
            """)
        let context = WorkerContext(stats: PipelineStats(for: moderation))
        for text in ["Write to asha.rao@example.com, ravi.k@example.org or meena@example.net. Damn, damn, damn.", "clean"] {
            var document = Document(fields: ["text": Array(text.utf8)])
            moderation.process(&document, context: context)
        }
        let stats = try XCTUnwrap(context.stats)
        XCTAssertEqual(stats.rules["pii.email"]?.hits, 3)
        XCTAssertEqual(stats.rules["pii.email"]?.documentsHit, 1)
        XCTAssertEqual(stats.rules["profanity:damn"]?.hits, 3)
        XCTAssertEqual(stats.rules["profanity:damn"]?.documentsHit, 1)
    }

    func testStageCountersCountChangedDocuments() {
        let stats = collect(["a JUNK", "clean", "two  spaces"])
        XCTAssertEqual(stats.stageOrder, ["clean", "whitespace-2"])
        XCTAssertEqual(stats.stages["clean"]?.documentsChanged, 1)
        XCTAssertEqual(stats.stages["whitespace-2"]?.documentsChanged, 1)
        XCTAssertGreaterThan(stats.stages["clean"]?.nanoseconds ?? 0, 0)
    }

    func testLimitErrorsAreCountedPerRule() {
        let stats = collect([String(repeating: "a", count: 40) + "!"], limits: MatchLimits(matchLimit: 10_000))
        XCTAssertEqual(stats.rules["risky"]?.limitErrors, 1)
        XCTAssertEqual(stats.rules["risky"]?.documentsHit, 0)
    }

    func testCountersSurviveASwapToAnotherPipeline() throws {
        let other = try makePipeline(ruleStage("""
              - {id: other, pattern: 'Z', action: strip}
              - {id: junk, pattern: 'JUNK', action: strip}
        """))
        let context = WorkerContext(stats: PipelineStats(for: pipeline))
        for (text, through) in [("a JUNK", pipeline), ("Z JUNK", other), ("b JUNK", pipeline)] {
            var document = Document(fields: ["text": Array(text.utf8)])
            through.process(&document, context: context)
        }
        let stats = try XCTUnwrap(context.stats)
        XCTAssertEqual(stats.rules["junk"]?.documentsHit, 3)
        XCTAssertEqual(stats.rules["other"]?.documentsHit, 1)
        XCTAssertEqual(stats.stages["clean"]?.documentsChanged, 2)
    }

    func testSlowRulesAreThoseFarAboveTheRest() {
        var stats = PipelineStats()
        for (id, time) in [("a", 10), ("b", 12), ("c", 11), ("slow", 400)] {
            stats.recordRule(id) { $0.nanoseconds = UInt64(time) }
        }
        XCTAssertEqual(stats.slowRules, ["slow"])
        var even = PipelineStats()
        for id in ["a", "b", "c"] { even.recordRule(id) { $0.nanoseconds = 100 } }
        XCTAssertEqual(even.slowRules, [])
    }

    func testWorkersStatsAreAddedUpByTheRunner() throws {
        let dir = try temporaryDirectory(self)
        let input = dir.appendingPathComponent("in")
        try String(repeating: "{\"text\": \"x JUNK\"}\n", count: 3000).write(to: input, atomically: true, encoding: .utf8)
        let fd = open(input.path, O_RDONLY)
        defer { close(fd) }
        var options = RunOptions(jobs: 2)
        options.collectsStats = true
        let summary = try PipelineRunner(pipeline: pipeline, options: options).run(
            input: fd, sinks: .init(output: try ByteSink(path: dir.appendingPathComponent("out").path), log: try ByteSink(path: "/dev/null")))
        XCTAssertEqual(summary.stats?.rules["junk"]?.documentsHit, 3000)
        XCTAssertEqual(summary.stats?.stages["clean"]?.documentsChanged, 3000)
        XCTAssertEqual(summary.bytesRead, 3000 * 19)
    }
}

final class StatsCommandTests: XCTestCase {
    func testStatsPrintsTablesAndStatsJSONWritesAFile() throws {
        let dir = try temporaryDirectory(self)
        try """
            stages:
              - stage: regex
                rules:
                  - {id: junk, pattern: ' ?JUNK', action: strip}
            """.write(to: dir.appendingPathComponent("c.yaml"), atomically: true, encoding: .utf8)
        let result = try runCopydesk(["run", "-c", "c.yaml", "--stats", "--stats-json", "stats.json"], stdin: "{\"text\": \"a JUNK\"}\nbad\n".data, in: dir)
        XCTAssertEqual(result.status, 3)
        XCTAssertTrue(result.stderr.contains("documents: in 2, out 1, dropped 0, rejected 1, flagged 0"), result.stderr)
        XCTAssertTrue(result.stderr.contains("rule  hits  docs hit  bytes removed  match ms  limit errors"), result.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("stats.json"))) as? [String: Any]
        let rules = json?["rules"] as? [[String: Any]]
        XCTAssertEqual(rules?.first?["id"] as? String, "junk")
        XCTAssertEqual(rules?.first?["bytes_removed"] as? Int, 5)
        XCTAssertEqual((json?["documents"] as? [String: Any])?["rejected"] as? Int, 1)
    }
}

extension RuleStats {
    func with(_ change: (inout RuleStats) -> Void) -> RuleStats {
        var copy = self
        change(&copy)
        return copy
    }
}
