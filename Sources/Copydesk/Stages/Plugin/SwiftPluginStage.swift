import CopydeskPluginAPI

/// The `plugin` stage: a stage from a Swift plugin library, loaded in process with `dlopen`.
/// Each document goes to the plugin as a protocol request line and comes back as a response.
public struct SwiftPluginStage: PluginBackedStage {
    public let id: String
    public var kind: String { "plugin" }
    let name: String
    let handle: PluginStageHandle
    let encoder: PluginRequestEncoder
    let applier: PluginAnswerApplier
    let examples: [PluginExample]

    public var canThrow: Bool { false }

    public func process(_ document: inout Document, context: WorkerContext) {
        guard let answer = handle.process(encoder.request(id: 0, document: document)) else {
            applier.policy.handle("the plugin gave no answer", stage: id, document: &document)
            return
        }
        switch PluginResponse.parsed(answer) {
        case .success(let response): applier.apply(response.outcome, to: &document)
        case .failure(let error): applier.apply(.failure(error), to: &document)
        }
    }

    public func runExamples(context: WorkerContext) -> [ExampleResult] {
        runPluginExamples(examples, context: context)
    }

    public var pluginInfo: PluginStageInfo {
        let handshake = handle.library.handshake
        let capabilities = handshake.stages.first { $0.name == name }?.capabilities ?? handshake.capabilities
        return PluginStageInfo(
            stage: id, kind: kind, source: "\(handle.library.path) (stage \(name))",
            handshake: PluginHandshakeSummary(
                name: handshake.name, version: handshake.version, protocolVersion: handshake.protocolVersion,
                capabilities: capabilities))
    }

    static let keys = ["stage", "id", "path", "name"] + PluginStageOptions.keys

    /// Registry factory: loads the library, checks it, and makes the named stage.
    @Sendable
    public static func make(_ definition: StageDefinition, context: ConfigContext) -> (any Stage)? {
        guard let mapping = ConfigMapping(definition.node, allowedKeys: keys, what: "plugin stage \"\(definition.id)\"", context: context) else {
            return nil
        }
        let errorsBefore = context.diagnostics.count
        let path = mapping.string("path", required: true)
        let name = mapping.string("name", required: true)
        let options = PluginStageOptions(mapping, stage: definition.id, context: context)
        guard let path, let name, !context.diagnostics[errorsBefore...].contains(where: { $0.severity == .error }) else { return nil }
        let resolved = path.hasPrefix("/") ? path : ConfigPath.join(ConfigPath.directory(of: definition.file), path)
        let library: PluginLibraryHandle
        do {
            library = try PluginLibraryHandle.open(resolved)
        } catch {
            context.error("plugin stage \"\(definition.id)\": \(error)", at: mapping.value("path")?.mark)
            return nil
        }
        guard library.handshake.protocolVersion == PluginProtocol.version else {
            context.error("plugin stage \"\(definition.id)\": \(resolved) speaks plugin protocol version \(library.handshake.protocolVersion); this copydesk speaks version \(PluginProtocol.version)", at: mapping.value("path")?.mark)
            return nil
        }
        let names = library.handshake.stages.map(\.name)
        guard let info = library.handshake.stages.first(where: { $0.name == name }) else {
            context.error(unknownNameMessage("plugin stage", name, in: resolved, among: names), at: mapping.value("name")?.mark)
            return nil
        }
        let handle: PluginStageHandle
        do {
            handle = try library.makeStage(name, config: options.config)
        } catch {
            context.error("plugin stage \"\(definition.id)\": \(error)", at: mapping.value("config")?.mark ?? mapping.value("name")?.mark)
            return nil
        }
        let capabilities = PluginHandshake(name: name, version: "", capabilities: info.capabilities).knownCapabilities
        return SwiftPluginStage(
            id: definition.id, name: name, handle: handle, encoder: PluginRequestEncoder(fields: options.fields),
            applier: PluginAnswerApplier(stage: definition.id, capabilities: capabilities, policy: options.onError, mark: definition.node.mark),
            examples: options.examples)
    }
}
