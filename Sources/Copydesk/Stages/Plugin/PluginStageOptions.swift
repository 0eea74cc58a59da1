/// The keys every plugin stage (exec and Swift) shares: `on_error`, `fields`, `config`, `examples`.
struct PluginStageOptions {
    static let keys = ["on_error", "fields", "config", "examples"]

    var onError = PluginErrorPolicy.pass
    var fields: [String]?
    /// `config:` as a JSON object.
    var config: [UInt8] = Array("{}".utf8)
    var examples: [PluginExample] = []

    init(_ mapping: ConfigMapping, stage: String, context: ConfigContext) {
        if let name = mapping.string("on_error") {
            if let policy = PluginErrorPolicy(rawValue: name) {
                onError = policy
            } else {
                context.error(unknownNameMessage("on_error value", name, among: PluginErrorPolicy.allCases.map(\.rawValue)), at: mapping.value("on_error")?.mark)
            }
        }
        fields = mapping.strings("fields")?.map(\.0)
        if let node = mapping.value("config"), !node.isNull {
            if node.mapping == nil {
                context.error("expected a mapping for \"config\", found \(node.kindDescription)", at: node.mark)
            } else {
                config = node.json
            }
        }
        examples = PluginExample.decodeAll(mapping, stage: stage, context: context)
    }
}

/// What `copydesk plugins` and `copydesk check` show about a plugin stage.
public struct PluginStageInfo: Sendable {
    public var stage: String
    public var kind: String
    /// The command line, or the library path and stage name.
    public var source: String
    public var handshake: PluginHandshakeSummary
}

/// The handshake's fields, without the plugin API types.
public struct PluginHandshakeSummary: Sendable {
    public var name: String
    public var version: String
    public var protocolVersion: Int
    public var capabilities: [String]
}

/// A stage backed by a plugin.
public protocol PluginBackedStage: Stage {
    var pluginInfo: PluginStageInfo { get }
}
