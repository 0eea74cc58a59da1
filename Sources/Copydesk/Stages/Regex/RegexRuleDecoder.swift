/// Builds a `RegexRule` from its YAML mapping, reporting every problem to the context.
enum RegexRuleDecoder {
    static let keys = [
        "id", "description", "field", "fields", "pattern", "flags", "action", "when", "examples",
        "replacement", "meta", "strip", "tags", "category", "severity", "reason",
    ]
    /// Keys that only make sense with one action.
    static let actionKeys: [String: String] = [
        "replacement": "replace", "meta": "extract", "strip": "extract", "tags": "tag",
        "category": "flag", "severity": "flag", "reason": "drop",
    ]
    static let severities = ["low", "medium", "high"]

    static func decode(_ node: YAMLNode, context: ConfigContext) -> RegexRule? {
        let label = node["id"]?.string.map { "rule \"\($0)\"" } ?? "rule"
        guard let rule = ConfigMapping(node, allowedKeys: keys, what: label, context: context) else { return nil }
        let errorsBefore = context.diagnostics.count

        let id = rule.string("id", required: true)
        if let id, !context.claimRuleID(id, at: rule.mark(of: "id")) { /* reported */ }
        let description = rule.string("description")
        let fields = decodeFields(rule, context: context)
        let options = decodeFlags(rule, key: "flags", context: context)
        let pattern = rule.string("pattern", required: true).flatMap { source in
            compile(source, options: options, node: rule.value("pattern"), context: context)
        }
        let guards = (rule.mappings("when") ?? []).compactMap { decodeGuard($0, context: context) }
        let actionName = rule.string("action", required: true)
        var action: RuleAction?
        if let actionName {
            if RuleAction.names.contains(actionName) {
                checkActionKeys(rule, action: actionName, context: context)
                if let pattern { action = decodeAction(actionName, rule: rule, pattern: pattern, context: context) }
            } else {
                context.error(unknownNameMessage("action", actionName, among: RuleAction.names), at: rule.value("action")?.mark)
            }
        }
        let examples = (rule.list("examples") ?? []).compactMap { decodeExample($0, context: context) }

        let failed = context.diagnostics[errorsBefore...].contains { $0.severity == .error }
        guard !failed, let id, let pattern, let action else { return nil }
        let compiled = RegexRule(
            id: id, description: description, fields: fields, pattern: pattern, action: action,
            guards: guards, examples: examples, mark: node.mark, patternMark: rule.value("pattern")?.mark ?? node.mark)
        RegexRuleLint.lint(compiled, patternNode: rule.value("pattern"), context: context)
        return compiled
    }

    private static func decodeFields(_ rule: ConfigMapping, context: ConfigContext) -> [String] {
        if rule.has("field") && rule.has("fields") {
            context.error("use either \"field\" or \"fields\", not both", at: rule.mark(of: "fields"))
        }
        if let field = rule.string("field") { return [field] }
        if let fields = rule.strings("fields") {
            if fields.isEmpty { context.error("\"fields\" must name at least one field", at: rule.mark(of: "fields")) }
            return fields.map(\.0)
        }
        return ["text"]
    }

    static func decodeFlags(_ mapping: ConfigMapping, key: String, context: ConfigContext) -> RegexOptions {
        var options: RegexOptions = []
        for (name, mark) in mapping.strings(key) ?? [] {
            if let option = RegexOptions(flagName: name) {
                options.insert(option)
            } else {
                context.error(unknownNameMessage("regex flag", name, among: RegexOptions.flagNames), at: mark)
            }
        }
        return options
    }

    /// Compiles a pattern; a PCRE2 error points at the offending character when the scalar's
    /// style lets us map offsets to columns (plain or quoted on one line, without escapes).
    static func compile(_ source: String, options: RegexOptions, node: YAMLNode?, context: ConfigContext) -> Pattern? {
        do {
            return try Pattern(source, options: options)
        } catch {
            let mark = node.map { patternMark($0, source: source, offset: error.offset) }
            context.error("invalid pattern: \(error.message) (at pattern offset \(error.offset))", at: mark)
            return nil
        }
    }

    static func patternMark(_ node: YAMLNode, source: String, offset: Int) -> SourceMark {
        var mark = node.mark
        guard case .scalar(let scalar) = node.content, !source.contains("\n") else { return mark }
        switch scalar.style {
        case .plain:
            mark.column += offset
        case .singleQuoted where !source.contains("'"):
            mark.column += offset + 1
        case .doubleQuoted where !source.contains("\\") && !source.contains("\""):
            mark.column += offset + 1
        default:
            break
        }
        return mark
    }

    private static func checkActionKeys(_ rule: ConfigMapping, action: String, context: ConfigContext) {
        for (key, owner) in actionKeys.sorted(by: { $0.key < $1.key }) where owner != action && rule.has(key) {
            context.error("\"\(key)\" applies only to action \(owner), but this rule's action is \(action)", at: rule.mark(of: key))
        }
    }

    private static func decodeAction(_ name: String, rule: ConfigMapping, pattern: Pattern, context: ConfigContext) -> RuleAction? {
        switch name {
        case "strip":
            return .strip
        case "replace":
            guard let template = rule.string("replacement", required: true) else { return nil }
            return replacementTemplate(template, pattern: pattern, node: rule.value("replacement"), context: context).map(RuleAction.replace)
        case "extract":
            var meta: [(key: String, template: ReplacementTemplate)] = []
            if let metaNode = rule.value("meta") {
                guard let pairs = metaNode.mapping else {
                    context.error("expected a mapping of meta key to template for \"meta\", found \(metaNode.kindDescription)", at: metaNode.mark)
                    return nil
                }
                for pair in pairs {
                    guard let key = pair.key.string, let source = pair.value.string else {
                        context.error("expected \"key: template\" strings in \"meta\"", at: pair.key.mark)
                        continue
                    }
                    if let template = replacementTemplate(source, pattern: pattern, node: pair.value, context: context) {
                        meta.append((key, template))
                    }
                }
            } else {
                let named = pattern.groupNames.sorted { $0.value < $1.value }
                if named.isEmpty {
                    context.error("action extract needs named groups such as (?<author>...) in the pattern, or a \"meta:\" mapping", at: rule.value("pattern")?.mark)
                    return nil
                }
                for (name, number) in named {
                    if let template = try? ReplacementTemplate("${\(number)}", for: pattern) {
                        meta.append((name, template))
                    }
                }
            }
            return .extract(meta: meta, strip: rule.bool("strip") ?? false)
        case "tag":
            guard let tags = rule.strings("tags", required: true) else { return nil }
            return .tag(tags.map(\.0))
        case "flag":
            guard let category = rule.string("category", required: true) else { return nil }
            let severity = rule.string("severity") ?? "medium"
            if !severities.contains(severity) {
                context.error("expected severity low, medium or high, found \"\(severity)\"", at: rule.value("severity")?.mark)
            }
            return .flag(category: category, severity: severity)
        case "drop":
            guard let reason = rule.string("reason", required: true) else { return nil }
            return .drop(reason: reason)
        default:
            return nil
        }
    }

    private static func replacementTemplate(_ source: String, pattern: Pattern, node: YAMLNode?, context: ConfigContext) -> ReplacementTemplate? {
        do {
            return try ReplacementTemplate(source, for: pattern)
        } catch {
            context.error("invalid replacement template: \(error.message) (at offset \(error.offset))", at: node?.mark)
            return nil
        }
    }

    private static func decodeGuard(_ node: YAMLNode, context: ConfigContext) -> RuleGuard? {
        guard let mapping = ConfigMapping(node, allowedKeys: ["field", "pattern", "flags", "negate"], what: "a when: guard", context: context) else {
            return nil
        }
        let field = mapping.string("field", required: true)
        let options = decodeFlags(mapping, key: "flags", context: context)
        let pattern = mapping.string("pattern", required: true).flatMap {
            compile($0, options: options, node: mapping.value("pattern"), context: context)
        }
        let negate = mapping.bool("negate") ?? false
        guard let field, let pattern else { return nil }
        return RuleGuard(field: field, pattern: pattern, negate: negate)
    }

    private static func decodeExample(_ node: YAMLNode, context: ConfigContext) -> RuleExample? {
        guard let example = ConfigMapping(node, allowedKeys: ["input", "output", "matches", "fields"], what: "an example", context: context) else {
            return nil
        }
        let input = example.string("input", required: true)
        var expectation: RuleExample.Expectation?
        if example.has("output") && example.has("matches") {
            context.error("an example has either \"output\" or \"matches\", not both", at: example.mark(of: "matches"))
        } else if let output = example.string("output") {
            expectation = .output(output)
        } else if let matches = example.bool("matches") {
            expectation = .matches(matches)
        } else if !example.has("output") && !example.has("matches") {
            context.error("an example needs \"output\" (the expected text) or \"matches: true|false\"", at: node.mark)
        }
        var others: [String: String] = [:]
        if let fieldsNode = example.value("fields") {
            if let pairs = fieldsNode.mapping {
                for pair in pairs {
                    if let key = pair.key.string, let value = pair.value.string {
                        others[key] = value
                    } else {
                        context.error("expected \"field: text\" strings in example \"fields\"", at: pair.key.mark)
                    }
                }
            } else {
                context.error("expected a mapping for example \"fields\", found \(fieldsNode.kindDescription)", at: fieldsNode.mark)
            }
        }
        guard let input, let expectation else { return nil }
        return RuleExample(input: input, otherFields: others, expectation: expectation, mark: node.mark)
    }
}
