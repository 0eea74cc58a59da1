import Foundation
import XCTest
@testable import Copydesk

final class ExecStageTests: XCTestCase {
    func testAnswersChangeFieldsMetaAndTags() throws {
        let pipeline = try execPipeline(in: try temporaryDirectory(self))
        defer { pipeline.shutdown() }
        let documents = processBatch(["first story", "second story"], through: pipeline)
        XCTAssertEqual(documents.map { $0.string("text") }, ["FIRST STORY", "SECOND STORY"])
        XCTAssertEqual(documents[0].tags, ["seen"])
        XCTAssertNotNil(documents[0].meta["id"])
        XCTAssertNotEqual(documents[0].meta["id"], documents[1].meta["id"])
    }

    func testAnswersInAnyOrderAreAppliedInInputOrderWithManyInFlight() throws {
        let pipeline = try execPipeline(in: try temporaryDirectory(self), """
                in_flight: 8
                workers: 2
                config: {reverse: 4}
            """)
        defer { pipeline.shutdown() }
        let texts = (0..<40).map { "story number \($0)" }
        let documents = processBatch(texts, through: pipeline)
        XCTAssertEqual(documents.map { $0.string("text") }, texts.map { $0.uppercased() })
        XCTAssertTrue(documents.allSatisfy { $0.errors.isEmpty })
    }

    func testAChildThatCrashesOnOneDocumentIsRestartedAndOnlyThatDocumentFails() throws {
        let pipeline = try execPipeline(in: try temporaryDirectory(self), "    max_restarts: 5")
        defer { pipeline.shutdown() }
        let texts = ["one", "two", "three CRASH", "four", "five"]
        let documents = processBatch(texts, through: pipeline)
        XCTAssertEqual(documents.map { $0.string("text") }, ["ONE", "TWO", "three CRASH", "FOUR", "FIVE"])
        XCTAssertEqual(documents[2].errors.count, 1)
        XCTAssertTrue(documents[2].errors[0].message.contains("exited with status 3"), documents[2].errors[0].message)
        XCTAssertTrue([0, 1, 3, 4].allSatisfy { documents[$0].errors.isEmpty })
        XCTAssertGreaterThanOrEqual((pipeline.stages[0] as? ExecStage)?.events.crashes ?? 0, 1)
        // The restarted child goes on working.
        XCTAssertEqual(processBatch(["after"], through: pipeline)[0].string("text"), "AFTER")
    }

    func testDocumentsInFlightDuringACrashAreResentAndNoneIsLost() throws {
        let pipeline = try execPipeline(in: try temporaryDirectory(self))
        defer { pipeline.shutdown() }
        let texts = ["a", "b CRASHONCE", "c", "d"]
        let documents = processBatch(texts, through: pipeline)
        XCTAssertEqual(documents.map { $0.string("text") }, ["A", "B CRASHONCE", "C", "D"])
        XCTAssertTrue(documents.allSatisfy { $0.errors.isEmpty }, "\(documents.map(\.errors))")
    }

    func testAHungChildTimesOutAndIsRestarted() throws {
        let pipeline = try execPipeline(in: try temporaryDirectory(self), "    timeout: 0.5")
        defer { pipeline.shutdown() }
        let documents = processBatch(["fine", "HANG here", "fine too"], through: pipeline)
        XCTAssertTrue(documents[1].errors.first?.message.contains("timeout") ?? false, "\(documents[1].errors)")
        XCTAssertEqual(documents[0].string("text"), "FINE")
        XCTAssertEqual(documents[2].string("text"), "FINE TOO")
        XCTAssertEqual((pipeline.stages[0] as? ExecStage)?.events.timeouts, 1)
    }

    func testGarbageOutputRestartsTheChildAndFailsOnlyItsDocument() throws {
        let pipeline = try execPipeline(in: try temporaryDirectory(self))
        defer { pipeline.shutdown() }
        let documents = processBatch(["x", "GARBAGE", "y"], through: pipeline)
        XCTAssertEqual(documents[0].string("text"), "X")
        XCTAssertEqual(documents[2].string("text"), "Y")
        XCTAssertTrue(documents[1].errors.first?.message.contains("garbage") ?? false, "\(documents[1].errors)")
        XCTAssertGreaterThanOrEqual((pipeline.stages[0] as? ExecStage)?.events.garbage ?? 0, 1)
    }

    func testOnErrorPassRecordsTheError() throws {
        let pipeline = try execPipeline(in: try temporaryDirectory(self))
        defer { pipeline.shutdown() }
        let document = processBatch(["ERROR"], through: pipeline)[0]
        XCTAssertEqual(document.errors, [StageError(stage: "test", message: "bad document")])
        XCTAssertEqual(document.decision, .keep)
    }

    func testOnErrorDropDropsTheDocument() throws {
        let pipeline = try execPipeline(in: try temporaryDirectory(self), "    on_error: drop")
        defer { pipeline.shutdown() }
        let document = processBatch(["ERROR"], through: pipeline)[0]
        XCTAssertEqual(document.decision, .drop)
        XCTAssertEqual(document.dropReason, "test: bad document")
    }

    func testOnErrorRejectAndFailSettleTheDocument() throws {
        let reject = try execPipeline(in: try temporaryDirectory(self), "    on_error: reject")
        defer { reject.shutdown() }
        XCTAssertEqual(processBatch(["ERROR"], through: reject)[0].settlement?.kind, .rejected)
        let fail = try execPipeline(in: try temporaryDirectory(self), "    on_error: fail")
        defer { fail.shutdown() }
        let failed = processBatch(["ERROR"], through: fail)[0]
        XCTAssertEqual(failed.settlement?.kind, .failed)
        XCTAssertEqual(failed.settlement?.stopsRun, false)
    }

    func testADropAnswerDropsTheDocument() throws {
        let pipeline = try execPipeline(in: try temporaryDirectory(self))
        defer { pipeline.shutdown() }
        let document = processBatch(["please DROP"], through: pipeline)[0]
        XCTAssertEqual(document.decision, .drop)
        XCTAssertEqual(document.dropReason, "plugin says drop")
    }

    func testAChangeOutsideTheDeclaredCapabilitiesIsRefused() throws {
        let pipeline = try execPipeline(in: try temporaryDirectory(self), "    config: {caps: [meta, tags]}")
        defer { pipeline.shutdown() }
        let document = processBatch(["lower"], through: pipeline)[0]
        XCTAssertEqual(document.string("text"), "lower")
        XCTAssertTrue(document.errors.first?.message.contains("\"fields\" capability") ?? false, "\(document.errors)")
    }

    func testAfterMaxRestartsEveryWaitingDocumentFailsAndStopsTheRun() throws {
        let pipeline = try execPipeline(in: try temporaryDirectory(self), "    max_restarts: 1")
        defer { pipeline.shutdown() }
        let documents = processBatch(["CRASH 1", "CRASH 2", "CRASH 3"], through: pipeline)
        let fatal = documents.compactMap(\.settlement).filter(\.stopsRun)
        XCTAssertFalse(fatal.isEmpty)
        XCTAssertTrue(fatal[0].reason.contains("max_restarts: 1"), fatal[0].reason)
        XCTAssertTrue(fatal[0].reason.contains("about to crash"), fatal[0].reason)
    }

    func testAWrongProtocolVersionIsAConfigErrorAtTheCommand() throws {
        let dir = try temporaryDirectory(self)
        XCTAssertThrowsError(try execPipeline(in: dir, "    config: {protocol: 2}")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("pipeline.yaml:4:"), text)
            XCTAssertTrue(text.contains("speaks plugin protocol version 2; this copydesk speaks version 1"), text)
        }
    }

    func testAMissingCommandIsAConfigError() throws {
        let dir = try temporaryDirectory(self)
        let file = dir.appendingPathComponent("pipeline.yaml")
        try "stages:\n  - stage: exec\n    command: [./no-such-plugin]\n".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try PipelineLoader().load(file.path)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("pipeline.yaml:3:5: error: exec stage \"exec-1\": cannot start"), text)
            XCTAssertTrue(text.contains("No such file or directory"), text)
        }
    }

    func testAChildWithoutAHandshakeIsAConfigError() throws {
        let dir = try temporaryDirectory(self)
        XCTAssertThrowsError(try execPipeline(in: dir, "    timeout: 0.2\n    config: {nohandshake: true}")) { error in
            XCTAssertTrue("\(error)".contains("no handshake"), "\(error)")
        }
    }

    func testAnUnknownOnErrorValueSuggestsTheClosest() {
        let errors = configErrors("stages:\n  - stage: exec\n    command: [cat]\n    on_error: rejct\n")
        XCTAssertTrue(errors.contains { $0.contains("pipeline.yaml:4:15") && $0.contains("did you mean \"reject\"") }, "\(errors)")
    }
}
