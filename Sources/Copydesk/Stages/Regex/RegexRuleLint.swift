/// Warnings about rules that work but are probably mistakes. `copydesk check --strict` makes
/// them errors.
enum RegexRuleLint {
    static func lint(_ rule: RegexRule, patternNode: YAMLNode?, context: ConfigContext) {
        if rule.examples.isEmpty {
            context.warning("rule \"\(rule.id)\" has no examples; add one of what it changes and one of text it must leave alone", at: rule.mark)
        }
        if let offset = BacktrackingRisk.firstRisk(in: rule.pattern.source, extended: rule.pattern.options.contains(.extended)) {
            let mark = patternNode.map { RegexRuleDecoder.patternMark($0, source: rule.pattern.source, offset: offset) } ?? rule.patternMark
            context.warning(
                "pattern of rule \"\(rule.id)\" may backtrack catastrophically: a repeated group repeats something that is itself repeated, as in (a+)+; use a possessive quantifier (a++) or an atomic group (?>...)",
                at: mark)
        }
        if case .strip = rule.action, rule.pattern.minimumLength == 0, matchesEmpty(rule, context: context) {
            context.warning("strip rule \"\(rule.id)\" can match the empty string, where it removes nothing", at: rule.patternMark)
        }
        let key = "\(rule.pattern.options.rawValue)\u{0}\(rule.pattern.source)"
        if let first = context.claimPattern(key, rule: rule.id, at: rule.patternMark) {
            context.warning("rule \"\(rule.id)\" has the same pattern and flags as rule \"\(first.rule)\" (\(first.mark))", at: rule.patternMark)
        }
        for example in rule.examples {
            guard case .output = example.expectation else { continue }
            var fields = example.otherFields.mapValues { Array($0.utf8) }
            fields[rule.fields.first ?? "text"] = Array(example.input.utf8)
            let stage = RegexStage(id: "lint", rules: [rule])
            let fires = (try? stage.fires(rule, on: Document(fields: fields), context: context.scratch)) ?? true
            if !fires {
                context.warning("example does not exercise rule \"\(rule.id)\": the rule does not match its input", at: example.mark)
            }
        }
    }

    /// PCRE2's minimum length is only a lower bound (0 for many patterns with subroutines), so
    /// check for a real empty match: on the empty subject or in the rule's examples.
    private static func matchesEmpty(_ rule: RegexRule, context: ConfigContext) -> Bool {
        let subjects = [""] + rule.examples.map(\.input)
        for subject in subjects {
            let matches = (try? rule.pattern.allMatches(in: Array(subject.utf8), scratch: &context.scratch.regex)) ?? []
            if matches.contains(where: { $0.range.isEmpty }) { return true }
        }
        return false
    }
}
