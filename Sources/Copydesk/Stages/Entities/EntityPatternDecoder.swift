/// Builds an `EntityPattern` from its YAML mapping, reporting every problem to the context.
enum EntityPatternDecoder {
    static let keys = ["id", "description", "label", "pattern", "flags", "examples"]
    static let exampleKeys = ["input", "entities"]

    static func decode(_ node: YAMLNode, context: ConfigContext) -> EntityPattern? {
        let what = node["id"]?.string.map { "pattern rule \"\($0)\"" } ?? "pattern rule"
        guard let rule = ConfigMapping(node, allowedKeys: keys, what: what, context: context) else { return nil }
        let errorsBefore = context.diagnostics.count
        let id = rule.string("id", required: true)
        if let id, !context.claimRuleID(id, at: rule.mark(of: "id")) { /* reported */ }
        let label = rule.string("label", required: true)
        if let label, label.isEmpty || label.contains(where: \.isWhitespace) {
            context.error("a label is one word, such as DATE or MONEY; found \"\(label)\"", at: rule.mark(of: "label"))
        }
        let options = RegexRuleDecoder.decodeFlags(rule, key: "flags", context: context)
        let pattern = rule.string("pattern", required: true).flatMap { source in
            RegexRuleDecoder.compile(source, options: options, node: rule.value("pattern"), context: context)
        }
        let examples = (rule.list("examples") ?? []).compactMap { decodeExample($0, context: context) }
        if examples.isEmpty, let id {
            context.warning("pattern rule \"\(id)\" has no examples; add one it tags and one it must leave alone", at: node.mark)
        }
        let failed = context.diagnostics[errorsBefore...].contains { $0.severity == .error }
        guard !failed, let id, let label, let pattern else { return nil }
        return EntityPattern(id: id, label: label, pattern: pattern, examples: examples, mark: node.mark)
    }

    private static func decodeExample(_ node: YAMLNode, context: ConfigContext) -> EntityPattern.Example? {
        guard let example = ConfigMapping(node, allowedKeys: exampleKeys, what: "example", context: context),
              let input = example.string("input", required: true),
              let entities = example.strings("entities", required: true) else { return nil }
        return EntityPattern.Example(input: input, entities: entities.map(\.0), mark: node.mark)
    }
}
