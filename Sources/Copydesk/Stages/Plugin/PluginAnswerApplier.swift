import CopydeskPluginAPI

/// Applies plugin answers to documents, within what the plugin declared it may change.
struct PluginAnswerApplier: Sendable {
    let stage: String
    let capabilities: Set<PluginCapability>
    let policy: PluginErrorPolicy
    let traceSource: TraceSource

    init(stage: String, capabilities: Set<PluginCapability>, policy: PluginErrorPolicy, mark: SourceMark?) {
        self.stage = stage
        self.capabilities = capabilities
        self.policy = policy
        self.traceSource = TraceSource(stage: stage, rule: nil, mark: mark)
    }

    /// Applies one answer (or a failure to get one) to its document.
    func apply(_ answer: Result<PluginResponse.Outcome, PluginMessageError>, to document: inout Document) {
        switch answer {
        case .failure(let error):
            policy.handle("bad answer from the plugin: \(error)", stage: stage, document: &document)
        case .success(.error(let message)):
            policy.handle(message, stage: stage, document: &document)
        case .success(.drop(let reason)):
            guard capabilities.contains(.drop) else {
                policy.handle(undeclared(.drop), stage: stage, document: &document)
                return
            }
            if document.tracksOrigins { record(.drop(reason: reason), in: &document) }
            document.drop(reason: reason, rule: stage)
        case .success(.changed(let changes)):
            apply(changes, to: &document)
        }
    }

    private func apply(_ changes: PluginChanges, to document: inout Document) {
        if let missing = changes.requiredCapabilities.first(where: { !capabilities.contains($0) }) {
            policy.handle(undeclared(missing), stage: stage, document: &document)
            return
        }
        if let unknown = changes.fields.keys.sorted().first(where: { document.field($0) == nil }) {
            policy.handle("the plugin set \"\(unknown)\", which is not a string field of the document", stage: stage, document: &document)
            return
        }
        for name in changes.fields.keys.sorted() {
            let bytes = Array((changes.fields[name] ?? "").utf8)
            guard let old = document.field(name), old != bytes else { continue }
            if document.tracksOrigins {
                let range = document.originalRange(of: 0..<old.count, in: name)
                document.trace.append(TraceEvent(
                    source: traceSource, field: name, range: range, matchedIn: [], matchRange: 0..<0,
                    effect: .other(action: "rewrite")))
            }
            document.setField(name, to: bytes)
        }
        var added = Meta()
        for entry in changes.meta where document.meta[entry.key] != entry.value {
            document.meta.set(entry.key, entry.value, overwrite: true)
            added.set(entry.key, entry.value)
        }
        let newTags = changes.tags.filter { !document.tags.contains($0) }
        for tag in newTags { document.addTag(tag) }
        for flag in changes.flags {
            document.addFlag(ModerationFlag(rule: flag.rule, category: flag.category, severity: flag.severity))
        }
        if document.tracksOrigins {
            if !added.isEmpty { record(.extract(meta: added, stripped: false), in: &document) }
            if !newTags.isEmpty { record(.tag(newTags), in: &document) }
            for flag in changes.flags { record(.flag(category: flag.category, severity: flag.severity), in: &document) }
        }
    }

    /// A stage-level event on the text field (or the first field), for `--explain`.
    private func record(_ effect: TraceEvent.Effect, in document: inout Document) {
        guard let field = document.field("text") != nil ? "text" : document.fields.keys.sorted().first else { return }
        document.trace.append(TraceEvent(source: traceSource, field: field, range: 0..<0, matchedIn: [], matchRange: 0..<0, effect: effect))
    }

    private func undeclared(_ capability: PluginCapability) -> String {
        "the plugin tried to change \(capability.rawValue) without declaring the \"\(capability.rawValue)\" capability in its handshake"
    }
}
