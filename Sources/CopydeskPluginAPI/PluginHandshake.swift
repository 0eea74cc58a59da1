/// The first line a plugin writes: who it is, the protocol it speaks and what it may change.
///
/// `{"copydesk_plugin": 1, "name": "readability", "version": "1.2.0", "capabilities": ["meta"]}`
public struct PluginHandshake: Sendable, Equatable {
    /// The protocol version the plugin speaks.
    public var protocolVersion: Int
    public var name: String
    public var version: String
    /// Capability names as the plugin stated them, known or not.
    public var capabilities: [String]
    /// For a Swift plugin library: the stages it provides, with their capabilities.
    public var stages: [StageInfo]

    /// A stage of a Swift plugin library.
    public struct StageInfo: Sendable, Equatable {
        public var name: String
        public var capabilities: [String]

        public init(name: String, capabilities: [String]) {
            self.name = name
            self.capabilities = capabilities
        }
    }

    public init(protocolVersion: Int = PluginProtocol.version, name: String, version: String, capabilities: [String], stages: [StageInfo] = []) {
        self.protocolVersion = protocolVersion
        self.name = name
        self.version = version
        self.capabilities = capabilities
        self.stages = stages
    }

    /// Parses a handshake line. The version is checked by the caller, which knows what it speaks.
    public init(line: UnsafeRawBufferPointer) throws(PluginMessageError) {
        let object = try PluginJSON.object(line)
        guard let version = object["copydesk_plugin"] as? Int else {
            throw PluginMessageError("expected a handshake {\"copydesk_plugin\": \(PluginProtocol.version), \"name\": …}, got \(PluginJSON.excerpt(line))")
        }
        protocolVersion = version
        name = object["name"] as? String ?? "unnamed"
        self.version = (object["version"] as? String) ?? (object["version"]).flatMap(PluginJSON.metaString) ?? "unknown"
        capabilities = object["capabilities"] as? [String] ?? []
        let stageObjects = object["stages"] as? [[String: Any]] ?? []
        stages = stageObjects.compactMap { stage in
            (stage["name"] as? String).map { StageInfo(name: $0, capabilities: stage["capabilities"] as? [String] ?? []) }
        }
    }

    /// The handshake as a line of JSON (no newline).
    public var line: [UInt8] {
        var object: [String: Any] = [
            "copydesk_plugin": protocolVersion, "name": name, "version": version, "capabilities": capabilities,
        ]
        if !stages.isEmpty {
            object["stages"] = stages.map { ["name": $0.name, "capabilities": $0.capabilities] as [String: Any] }
        }
        return PluginJSON.line(object)
    }

    /// The capabilities Copydesk knows; unknown names are ignored (a newer plugin may state more).
    public var knownCapabilities: Set<PluginCapability> {
        Set(capabilities.compactMap(PluginCapability.init(rawValue:)))
    }
}
