/// A document as a Swift plugin sees it: its string fields and what earlier stages found.
///
/// Change it in place; the changes are sent back to Copydesk. Changing something the stage's
/// capabilities do not allow makes Copydesk refuse the answer for that document.
public struct PluginDocument: Sendable {
    /// The document's string fields (the text field and any other string member of the input).
    public var fields: [String: String]
    /// Metadata set by earlier stages. Set entries to add or change them.
    public var meta: [String: String]
    /// Tags so far. Append to add tags; removing one has no effect.
    public var tags: [String]
    /// Moderation flags so far. Append to add flags.
    public var flags: [PluginFlag]
    /// The decision so far: keep or flag.
    public let decision: String
    /// Set by `drop(reason:)`.
    public private(set) var dropReason: String?

    public init(fields: [String: String], meta: [String: String] = [:], tags: [String] = [], flags: [PluginFlag] = [], decision: String = "keep") {
        self.fields = fields
        self.meta = meta
        self.tags = tags
        self.flags = flags
        self.decision = decision
    }

    /// A field's value, or nil when the document has no such string field.
    public subscript(field: String) -> String? {
        get { fields[field] }
        set { fields[field] = newValue }
    }

    /// Asks Copydesk to drop the document; the first reason is kept.
    public mutating func drop(reason: String) {
        if dropReason == nil { dropReason = reason }
    }

    /// Reads the `doc` of a request.
    public init(json doc: [String: Any]) {
        var fields: [String: String] = [:]
        for (key, value) in doc where key != PluginProtocol.annotationsKey {
            if let string = value as? String { fields[key] = string }
        }
        let annotations = doc[PluginProtocol.annotationsKey] as? [String: Any] ?? [:]
        let meta = (annotations["meta"] as? [String: Any] ?? [:]).compactMapValues(PluginJSON.metaString)
        let flags = (annotations["flags"] as? [[String: Any]] ?? []).compactMap { try? PluginFlag(json: $0) }
        self.init(
            fields: fields, meta: meta, tags: annotations["tags"] as? [String] ?? [], flags: flags,
            decision: annotations["decision"] as? String ?? "keep")
    }

    /// What changed since `original`, as the outcome of a response.
    public func outcome(since original: PluginDocument) -> PluginResponse.Outcome {
        if let dropReason { return .drop(reason: dropReason) }
        var changes = PluginChanges()
        for (key, value) in fields where original.fields[key] != value {
            changes.fields[key] = value
        }
        for key in meta.keys.sorted() where original.meta[key] != meta[key] {
            changes.meta.append((key, meta[key] ?? ""))
        }
        changes.tags = tags.filter { !original.tags.contains($0) }
        changes.flags = flags.filter { !original.flags.contains($0) }
        return .changed(changes)
    }
}
