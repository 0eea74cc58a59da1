/// What a plugin changed in one document: the `doc` of a response.
///
/// `{"text": "new text", "copydesk": {"meta": {"k": "v"}, "tags": ["t"], "flags": [{…}]}}`.
/// Top-level string members replace fields; meta entries are set; tags and flags are added.
public struct PluginChanges: Sendable, Equatable {
    public var fields: [String: String] = [:]
    /// Meta entries in the order the plugin wrote them (JSON object order is not kept, so sorted by key).
    public var meta: [(key: String, value: String)] = []
    public var tags: [String] = []
    public var flags: [PluginFlag] = []

    public init() {}

    public var isEmpty: Bool {
        fields.isEmpty && meta.isEmpty && tags.isEmpty && flags.isEmpty
    }

    /// The capabilities these changes need.
    public var requiredCapabilities: [PluginCapability] {
        var needed: [PluginCapability] = []
        if !fields.isEmpty { needed.append(.fields) }
        if !meta.isEmpty { needed.append(.meta) }
        if !tags.isEmpty { needed.append(.tags) }
        if !flags.isEmpty { needed.append(.flags) }
        return needed
    }

    /// Reads the `doc` member of a response.
    public init(json doc: [String: Any]) throws(PluginMessageError) {
        for (key, value) in doc where key != PluginProtocol.annotationsKey {
            guard let string = value as? String else {
                throw PluginMessageError("field \"\(key)\" must be a string")
            }
            fields[key] = string
        }
        guard let annotations = doc[PluginProtocol.annotationsKey] else { return }
        guard let annotations = annotations as? [String: Any] else {
            throw PluginMessageError("\"\(PluginProtocol.annotationsKey)\" must be an object")
        }
        for key in annotations.keys where !["meta", "tags", "flags", "decision"].contains(key) {
            throw PluginMessageError("unknown member \"\(key)\" in \"\(PluginProtocol.annotationsKey)\" (expected meta, tags or flags)")
        }
        if let meta = annotations["meta"] {
            guard let entries = meta as? [String: Any] else { throw PluginMessageError("\"meta\" must be an object") }
            for key in entries.keys.sorted() {
                guard let value = entries[key].flatMap(PluginJSON.metaString) else {
                    throw PluginMessageError("meta \"\(key)\" must be a string, a number or a boolean")
                }
                self.meta.append((key, value))
            }
        }
        if let tags = annotations["tags"] {
            guard let list = tags as? [String] else { throw PluginMessageError("\"tags\" must be a list of strings") }
            self.tags = list
        }
        if let flags = annotations["flags"] {
            guard let list = flags as? [[String: Any]] else { throw PluginMessageError("\"flags\" must be a list of objects") }
            self.flags = try list.map { (object) throws(PluginMessageError) in try PluginFlag(json: object) }
        }
    }

    /// The changes as the `doc` member of a response.
    public var json: [String: Any] {
        var doc: [String: Any] = fields
        var annotations: [String: Any] = [:]
        if !meta.isEmpty { annotations["meta"] = Dictionary(meta.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 }) }
        if !tags.isEmpty { annotations["tags"] = tags }
        if !flags.isEmpty { annotations["flags"] = flags.map(\.json) }
        if !annotations.isEmpty { doc[PluginProtocol.annotationsKey] = annotations }
        return doc
    }

    public static func == (lhs: PluginChanges, rhs: PluginChanges) -> Bool {
        lhs.fields == rhs.fields && lhs.tags == rhs.tags && lhs.flags == rhs.flags
            && lhs.meta.elementsEqual(rhs.meta) { $0.key == $1.key && $0.value == $1.value }
    }
}

/// A moderation flag as plugins see it.
public struct PluginFlag: Sendable, Equatable {
    public var rule: String
    public var category: String
    public var severity: String

    public init(rule: String, category: String, severity: String = "medium") {
        self.rule = rule
        self.category = category
        self.severity = severity
    }

    init(json object: [String: Any]) throws(PluginMessageError) {
        guard let rule = object["rule"] as? String, let category = object["category"] as? String else {
            throw PluginMessageError("a flag needs string \"rule\" and \"category\" members")
        }
        self.init(rule: rule, category: category, severity: object["severity"] as? String ?? "medium")
    }

    var json: [String: Any] {
        ["rule": rule, "category": category, "severity": severity]
    }
}
