/// Where the pipeline config comes from.
public enum ConfigLocation: Sendable, Equatable, CustomStringConvertible {
    /// A file named by `--config`, `$COPYDESK_CONFIG` or found as `./copydesk.yaml`.
    case file(String)
    /// The default pipeline embedded in the binary (a name under `Rules/`, e.g. `pipeline.yaml`).
    case embedded(String)

    /// The lookup order: `--config`, `$COPYDESK_CONFIG`, `./copydesk.yaml`, the embedded default.
    public static func resolve(
        explicit: String?, environment: [String: String], fileExists: (String) -> Bool
    ) -> ConfigLocation {
        if let explicit, !explicit.isEmpty { return .file(explicit) }
        if let fromEnvironment = environment["COPYDESK_CONFIG"], !fromEnvironment.isEmpty { return .file(fromEnvironment) }
        if fileExists("copydesk.yaml") { return .file("copydesk.yaml") }
        return .embedded("pipeline.yaml")
    }

    public var description: String {
        switch self {
        case .file(let path): path
        case .embedded(let name): EmbeddedRules.root + "/" + name
        }
    }

    /// Compiles the pipeline at this location.
    public func load(registry: StageRegistry = .builtIn) throws(ConfigError) -> Pipeline {
        switch self {
        case .file(let path):
            return try PipelineLoader(registry: registry, fileSystem: DiskFileSystem()).load(path)
        case .embedded:
            return try PipelineLoader(registry: registry, fileSystem: EmbeddedRules.fileSystem).load(description)
        }
    }
}
