/// Compiles a pipeline file, and every file it includes, into a `Pipeline`.
public struct PipelineLoader: Sendable {
    public var registry: StageRegistry
    public var fileSystem: any ConfigFileSystem

    public init(registry: StageRegistry = .builtIn, fileSystem: any ConfigFileSystem = DiskFileSystem()) {
        self.registry = registry
        self.fileSystem = fileSystem
    }

    static let topLevelKeys = ["version", "name", "description", "policy", "stages"]

    /// Loads `file`. Every problem found is reported in one `ConfigError`.
    public func load(_ file: String) throws(ConfigError) -> Pipeline {
        let context = ConfigContext(fileSystem: fileSystem)
        let stages = compile(file, context: context)
        let rendered = context.diagnostics.map { context.sources.render($0) }
        guard !context.hasErrors, let stages else {
            throw ConfigError(diagnostics: context.diagnostics, rendered: rendered)
        }
        let warnings = zip(context.diagnostics, rendered).filter { $0.0.severity != .error }.map(\.1)
        return Pipeline(stages: stages, file: file, files: context.files, globs: context.globs, warnings: warnings)
    }

    private func compile(_ file: String, context: ConfigContext) -> [any Stage]? {
        guard let root = context.loadYAML(file) else { return nil }
        guard let top = ConfigMapping(root, allowedKeys: Self.topLevelKeys, what: "the pipeline file", context: context) else {
            return nil
        }
        if let version = top.int("version"), version != 1 {
            context.error("unsupported pipeline version \(version); this copydesk reads version 1", at: top.mark(of: "version"))
        }
        if let policy = top.value("policy"), !policy.isNull {
            context.moderationPolicy = ModerationPolicy.decode(policy, context: context)
        }
        guard let items = top.list("stages", required: true) else { return nil }
        var stages: [any Stage] = []
        var ids: [String: SourceMark] = [:]
        for (index, item) in items.enumerated() {
            guard let mapping = item.mapping else {
                context.error("expected a mapping for stage \(index + 1), found \(item.kindDescription)", at: item.mark)
                continue
            }
            guard let kindNode = mapping.first(where: { $0.key.string == "stage" })?.value, let kind = kindNode.string else {
                context.error("missing required key \"stage\" in stage \(index + 1) (expected a stage kind: \(registry.kinds.joined(separator: ", ")))", at: item.mark)
                continue
            }
            guard let factory = registry.factory(for: kind) else {
                context.error(unknownNameMessage("stage kind", kind, among: registry.kinds), at: kindNode.mark)
                continue
            }
            let idNode = item["id"]
            let id = idNode?.string ?? "\(kind)-\(index + 1)"
            if let first = ids[id] {
                context.error("duplicate stage id \"\(id)\" (first defined at \(first))", at: idNode?.mark ?? item.mark)
            }
            ids[id] = idNode?.mark ?? item.mark
            if let stage = factory(StageDefinition(node: item, id: id, file: file), context) {
                stages.append(stage)
            }
        }
        if !context.hasErrors { context.moderationPolicy.validate(against: stages, context: context) }
        return stages
    }
}

/// A config that could not be compiled. `rendered` shows each problem with its source line.
public struct ConfigError: Error, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public var rendered: [String]

    public init(diagnostics: [Diagnostic], rendered: [String]) {
        self.diagnostics = diagnostics
        self.rendered = rendered
    }

    public var errorCount: Int {
        diagnostics.filter { $0.severity == .error }.count
    }

    public var description: String {
        rendered.joined(separator: "\n")
    }
}
