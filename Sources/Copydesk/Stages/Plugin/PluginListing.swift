/// What `copydesk plugins` prints: the registered stage kinds, and the config's plugin stages
/// with what their handshakes said.
public struct PluginListing: Sendable {
    public var kinds: [String]
    public var plugins: [PluginStageInfo]
    public var file: String

    public init(registry: StageRegistry, pipeline: Pipeline) {
        kinds = registry.kinds
        plugins = pipeline.stages.compactMap { ($0 as? any PluginBackedStage)?.pluginInfo }
        file = pipeline.file
    }

    public var text: String {
        var lines = ["Stage kinds: \(kinds.joined(separator: ", "))"]
        if plugins.isEmpty {
            lines.append("No plugin stages in \(file).")
        } else {
            lines.append("Plugin stages in \(file):")
            for plugin in plugins {
                lines.append("  \(plugin.stage) (\(plugin.kind)): \(PluginListing.describe(plugin))")
                lines.append("      \(plugin.kind == "exec" ? "command" : "library"): \(plugin.source)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "readability 1.0.0, protocol 1, may change meta, tags".
    public static func describe(_ plugin: PluginStageInfo) -> String {
        let handshake = plugin.handshake
        let changes = handshake.capabilities.isEmpty ? "changes nothing" : "may change \(handshake.capabilities.joined(separator: ", "))"
        return "\(handshake.name) \(handshake.version), protocol \(handshake.protocolVersion), \(changes)"
    }
}
