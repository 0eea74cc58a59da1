@_exported import CCopydeskPlugin

/// Constants of the plugin protocol, shared by exec plugins (JSON Lines over stdin and stdout)
/// and in-process Swift plugins (the same lines through a C function table).
public enum PluginProtocol {
    /// The protocol version a plugin states in its handshake (`"copydesk_plugin": 1`).
    public static let version = 1
    /// The version of the C export table (`copydesk_plugin_table.api_version`).
    public static let apiVersion = UInt32(COPYDESK_PLUGIN_API_VERSION)
    /// The symbol a Swift plugin exports with `@_cdecl`.
    public static let entrySymbol = "copydesk_plugin_entry"
    /// The key of the annotations object inside a request's or response's `doc`.
    public static let annotationsKey = "copydesk"
}

/// What a plugin may change, stated in its handshake's `capabilities`. A response that changes
/// anything else is refused for that document.
public enum PluginCapability: String, Sendable, CaseIterable {
    /// Replace string fields of the document.
    case fields
    /// Set `meta` entries.
    case meta
    /// Add tags.
    case tags
    /// Add moderation flags.
    case flags
    /// Drop documents.
    case drop
}
