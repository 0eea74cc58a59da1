extension JSONWriter {
    /// `{"score", "signals": {name: value}, "failed": [check], "decision", "script", "language"?}`.
    public mutating func quality(_ report: QualityReport) {
        beginObject()
        key("score"); double(report.score)
        key("signals")
        beginObject()
        for (name, value) in report.signals {
            key(dynamic: name)
            double(value)
        }
        endObject()
        key("failed"); strings(report.failed)
        key("decision"); string(report.decision)
        key("script"); string(report.script)
        if let language = report.language {
            key("language"); string(language)
        }
        endObject()
    }
}
