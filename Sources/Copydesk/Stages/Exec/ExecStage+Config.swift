import CopydeskPluginAPI

extension ExecStage {
    static let keys = ["stage", "id", "command", "workers", "in_flight", "timeout", "env", "max_restarts"] + PluginStageOptions.keys

    /// Registry factory: reads the settings, starts the children and checks their handshake.
    @Sendable
    public static func make(_ definition: StageDefinition, context: ConfigContext) -> (any Stage)? {
        guard let mapping = ConfigMapping(definition.node, allowedKeys: keys, what: "exec stage \"\(definition.id)\"", context: context) else {
            return nil
        }
        let errorsBefore = context.diagnostics.count
        let command = mapping.strings("command", required: true) ?? []
        if mapping.has("command") && command.isEmpty {
            context.error("\"command\" must name a program", at: mapping.mark(of: "command"))
        }
        var settings = ExecSettings(command: command.map(\.0))
        // Children run in the config file's folder, so relative paths in the command (and
        // files the plugin opens) are relative to the config, like include paths.
        let folder = ConfigPath.directory(of: definition.file)
        settings.directory = folder.isEmpty ? nil : folder
        settings.workers = mapping.int("workers", range: 1...256) ?? settings.workers
        settings.inFlight = mapping.int("in_flight", range: 1...4096) ?? settings.inFlight
        settings.maxRestarts = mapping.int("max_restarts", range: 0...1_000_000) ?? settings.maxRestarts
        if let node = mapping.value("timeout") {
            if let seconds = node.double ?? node.int.map(Double.init), seconds > 0, seconds <= 86_400 {
                settings.timeout = seconds
            } else {
                context.error("expected \"timeout\" to be a number of seconds between 0 and 86400, found \(node.kindDescription)", at: node.mark)
            }
        }
        if let node = mapping.value("env"), !node.isNull {
            if let pairs = node.mapping {
                for pair in pairs {
                    if let key = pair.key.string, let value = pair.value.string, pair.value.mapping == nil, pair.value.sequence == nil {
                        settings.environment[key] = value
                    } else {
                        context.error("expected \"env\" to map names to string values", at: pair.key.mark)
                    }
                }
            } else {
                context.error("expected a mapping for \"env\", found \(node.kindDescription)", at: node.mark)
            }
        }
        let options = PluginStageOptions(mapping, stage: definition.id, context: context)
        settings.onError = options.onError
        settings.fields = options.fields
        settings.config = options.config
        let failed = context.diagnostics[errorsBefore...].contains { $0.severity == .error }
        guard !failed, !settings.command.isEmpty else { return nil }
        let started: (ExecPool, PluginHandshake)
        do {
            started = try ExecPool.start(settings, stageID: definition.id)
        } catch {
            context.error("exec stage \"\(definition.id)\": \(error)", at: mapping.mark(of: "command"))
            return nil
        }
        let (pool, handshake) = started
        warnUnknownCapabilities(handshake, at: mapping.mark(of: "command"), context: context)
        return ExecStage(
            id: definition.id, settings: settings, pool: pool, handshake: handshake,
            encoder: PluginRequestEncoder(fields: settings.fields),
            applier: PluginAnswerApplier(stage: definition.id, capabilities: handshake.knownCapabilities, policy: settings.onError, mark: definition.node.mark),
            examples: options.examples)
    }
}

/// Warns about capabilities this copydesk does not know (a newer plugin, or a typo).
func warnUnknownCapabilities(_ handshake: PluginHandshake, at mark: SourceMark, context: ConfigContext) {
    let known = PluginCapability.allCases.map(\.rawValue)
    for name in handshake.capabilities where !known.contains(name) {
        context.warning("plugin \(handshake.name) states \(unknownNameMessage("capability", name, among: known)); it is ignored", at: mark)
    }
}
