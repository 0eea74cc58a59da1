/// A stage provided by a Swift plugin library.
///
/// The same contract as Copydesk's own stages: one instance serves every worker thread at
/// once, so it must be `Sendable` and keep no mutable state. Throw to report a problem with one
/// document; the stage's `on_error` setting decides what happens to it.
public protocol PluginStage: Sendable {
    /// Processes one document in place.
    func process(_ document: inout PluginDocument) throws
}

/// Makes one kind of stage from its `config:` mapping.
public struct PluginStageFactory: Sendable {
    /// The name the config selects the stage by (`name:`).
    public let name: String
    /// What the stage may change: `fields`, `meta`, `tags`, `flags`, `drop`.
    public let capabilities: [PluginCapability]
    let make: @Sendable (PluginConfig) throws -> any PluginStage

    public init(name: String, capabilities: [PluginCapability], make: @escaping @Sendable (PluginConfig) throws -> any PluginStage) {
        self.name = name
        self.capabilities = capabilities
        self.make = make
    }
}

/// The `config:` mapping of a plugin stage, as JSON values.
public struct PluginConfig: @unchecked Sendable {
    // Values from JSONSerialization: immutable once read.
    private let values: [String: Any]

    public init(json values: [String: Any]) {
        self.values = values
    }

    public var keys: [String] { values.keys.sorted() }

    public func string(_ key: String) -> String? { values[key] as? String }
    public func int(_ key: String) -> Int? { values[key] as? Int }
    public func double(_ key: String) -> Double? { (values[key] as? Double) ?? (values[key] as? Int).map(Double.init) }
    public func bool(_ key: String) -> Bool? { values[key] as? Bool }
    public func strings(_ key: String) -> [String]? { (values[key] as? [String]) ?? (values[key] as? String).map { [$0] } }
    /// The raw JSON value.
    public subscript(key: String) -> Any? { values[key] }
}

/// A configuration problem found by a plugin factory; Copydesk reports it at the stage.
public struct PluginConfigError: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
