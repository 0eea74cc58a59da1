/// A `matches: true|false` example of a lexicon list, a PII type or a clickbait feature.
struct ModerationExample: Sendable {
    var input: String
    var matches: Bool
    /// The category, type or feature the example is about; also the rule id in results.
    var what: String
    var mark: SourceMark

    func result(fired: Bool, what description: String) -> ExampleResult {
        let quoted = YAMLNode.quoted(input, limit: .max)
        let failure: String? = fired == matches ? nil
            : matches ? "expected \(description) in \(quoted), found none" : "expected no \(description) in \(quoted), found one"
        return ExampleResult(mark: mark, rule: what, failure: failure)
    }

    static let keys = ["input", "matches"]

    /// Reads `examples:` (a list of `{input, matches}`) from a mapping.
    static func decode(_ mapping: ConfigMapping, what: String, context: ConfigContext) -> [ModerationExample] {
        (mapping.list("examples") ?? []).compactMap { node in
            guard let example = ConfigMapping(node, allowedKeys: keys, what: "an example", context: context),
                  let input = example.string("input", required: true) else { return nil }
            guard let matches = example.bool("matches") else {
                if !example.has("matches") { context.error("an example needs \"matches: true|false\"", at: node.mark) }
                return nil
            }
            return ModerationExample(input: input, matches: matches, what: what, mark: node.mark)
        }
    }
}
