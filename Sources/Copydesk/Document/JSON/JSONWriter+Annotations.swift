extension JSONWriter {
    /// `{"key": "value", …}` in the meta's order.
    public mutating func meta(_ meta: Meta) {
        beginObject()
        for entry in meta.entries {
            key(dynamic: entry.key)
            string(entry.value)
        }
        endObject()
    }

    /// The `"meta"`, `"tags"`, `"flags"` and `"decision"` members (no braces): how both the output's
    /// `copydesk` object and a plugin request's begin.
    mutating func decisionMembers(of document: Document) {
        key("meta")
        meta(document.meta)
        key("tags")
        strings(document.tags)
        key("flags")
        flags(document.flags)
        key("decision")
        string(document.decision.rawValue)
    }

    /// `["tag", …]`.
    public mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    /// `[{"rule", "category", "severity"}, …]`.
    public mutating func flags(_ flags: [ModerationFlag]) {
        beginArray()
        for flag in flags { self.flag(flag) }
        endArray()
    }

    /// `{"rule", "category", "severity"}`.
    public mutating func flag(_ flag: ModerationFlag) {
        beginObject()
        key("rule"); string(flag.rule)
        key("category"); string(flag.category)
        key("severity"); string(flag.severity)
        endObject()
    }

    /// `{"stage", "rule" (when there is one), "message"}`.
    public mutating func stageError(_ error: StageError) {
        beginObject()
        key("stage"); string(error.stage)
        if let rule = error.rule { key("rule"); string(rule) }
        key("message"); string(error.message)
        endObject()
    }
}
