extension RegexStage {
    static let stageKeys = ["stage", "id", "include", "rules"]
    static let ruleFileKeys = ["rules", "include", "description"]

    /// Registry factory: builds the stage from `include:` files and inline `rules:`.
    @Sendable
    public static func make(_ definition: StageDefinition, context: ConfigContext) -> (any Stage)? {
        guard let mapping = ConfigMapping(definition.node, allowedKeys: stageKeys, what: "regex stage \"\(definition.id)\"", context: context) else {
            return nil
        }
        let errorsBefore = context.diagnostics.count
        var rules: [RegexRule] = []
        var visited: Set<String> = [definition.file]
        loadRules(from: mapping, file: definition.file, into: &rules, visited: &visited, context: context)
        if !mapping.has("include") && !mapping.has("rules") {
            context.warning("regex stage \"\(definition.id)\" has no rules (add \"rules:\" or \"include:\")", at: definition.node.mark)
        }
        let failed = context.diagnostics[errorsBefore...].contains { $0.severity == .error }
        return failed ? nil : RegexStage(id: definition.id, rules: rules)
    }

    /// Reads `include:` (depth first, in order) and then `rules:` of one mapping.
    private static func loadRules(
        from mapping: ConfigMapping, file: String, into rules: inout [RegexRule],
        visited: inout Set<String>, context: ConfigContext
    ) {
        for (entry, mark) in mapping.strings("include") ?? [] {
            for path in context.resolveInclude(entry, from: file, at: mark) {
                guard visited.insert(path).inserted else {
                    context.error("\(path) is included more than once (include cycle or overlapping globs)", at: mark)
                    continue
                }
                guard let root = context.loadYAML(path, requestedAt: mark),
                      let included = ConfigMapping(root, allowedKeys: ruleFileKeys, what: "rule file \(path)", context: context) else {
                    continue
                }
                if !included.has("rules") && !included.has("include") {
                    context.warning("rule file has no \"rules:\"", at: root.mark)
                }
                loadRules(from: included, file: path, into: &rules, visited: &visited, context: context)
            }
        }
        for item in mapping.list("rules") ?? [] {
            if let rule = RegexRuleDecoder.decode(item, context: context) {
                rules.append(rule)
            }
        }
    }
}
