import CopydeskPluginAPI

/// The `exec` stage: documents go to long-lived child processes over JSON Lines, and their
/// answers are applied in input order. See "Writing a plugin" in the README for the protocol.
public struct ExecStage: PluginBackedStage {
    public let id: String
    public var kind: String { "exec" }
    public let settings: ExecSettings
    let pool: ExecPool
    let handshake: PluginHandshake
    let encoder: PluginRequestEncoder
    let applier: PluginAnswerApplier
    let examples: [PluginExample]

    public var canThrow: Bool { false }
    public var processesBatches: Bool { true }

    public func process(_ document: inout Document, context: WorkerContext) {
        var batch = [document]
        process(batch: &batch, context: context)
        document = batch[0]
    }

    public func process(batch documents: inout [Document], context: WorkerContext) {
        let first = pool.reserveIDs(documents.count)
        let requests = documents.indices.map { index in
            ExecRequest(id: first + index, line: encoder.request(id: first + index, document: documents[index]), inputLine: documents[index].line)
        }
        let states = pool.run(requests)
        for index in documents.indices {
            switch states[index] {
            case .answered(let outcome):
                applier.apply(outcome, to: &documents[index])
            case .failed(let message):
                settings.onError.handle(message, stage: id, document: &documents[index])
            case .fatal(let message):
                documents[index].fail(stage: id, reason: message, stopsRun: true)
            case .queued, .sent:
                // `run` returns only when every request is done.
                documents[index].fail(stage: id, reason: "no answer from the plugin", stopsRun: true)
            }
        }
    }

    public func runExamples(context: WorkerContext) -> [ExampleResult] {
        runPluginExamples(examples, context: context)
    }

    public func shutdown() {
        pool.shutdown()
    }

    public var pluginInfo: PluginStageInfo {
        PluginStageInfo(
            stage: id, kind: kind, source: settings.command.joined(separator: " "),
            handshake: PluginHandshakeSummary(
                name: handshake.name, version: handshake.version, protocolVersion: handshake.protocolVersion,
                capabilities: handshake.capabilities))
    }

    /// Failures so far (crashes, timeouts, garbage, failed restarts).
    var events: ExecPool.ExecEvents { pool.eventCounts }
}
