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
