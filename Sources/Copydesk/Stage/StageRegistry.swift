/// Makes stages by kind name. Built-in stages and plugins register here the same way.
public struct StageRegistry: Sendable {
    /// Builds a stage from its YAML mapping. Reports problems to the context; nil on error.
    public typealias Factory = @Sendable (_ definition: StageDefinition, _ context: ConfigContext) -> (any Stage)?

    private var factories: [String: Factory] = [:]
    private var order: [String] = []

    public init() {}

    /// The registry with every built-in stage kind.
    public static let builtIn: StageRegistry = {
        var registry = StageRegistry()
        registry.register("regex", factory: RegexStage.make)
        registry.register("whitespace", factory: WhitespaceStage.make)
        registry.register("entities", factory: EntitiesStage.make)
        registry.register("lexicon", factory: LexiconStage.make)
        registry.register("pii", factory: PIIStage.make)
        registry.register("clickbait", factory: ClickbaitStage.make)
        registry.register("quality", factory: QualityStage.make)
        registry.register("exec", factory: ExecStage.make)
        registry.register("plugin", factory: SwiftPluginStage.make)
        return registry
    }()

    /// Registers `factory` under `kind`, replacing any earlier one.
    public mutating func register(_ kind: String, factory: @escaping Factory) {
        if factories[kind] == nil { order.append(kind) }
        factories[kind] = factory
    }

    public func factory(for kind: String) -> Factory? {
        factories[kind]
    }

    /// Registered kind names, in registration order.
    public var kinds: [String] { order }
}

/// A stage's entry in the pipeline file, as handed to its factory.
public struct StageDefinition: Sendable {
    /// The stage's mapping node (the list item under `stages:`).
    public var node: YAMLNode
    /// The resolved stage id.
    public var id: String
    /// The file the stage was defined in, for resolving relative paths.
    public var file: String
}
