extension RegexStage {
    /// Runs each rule's examples against that rule alone.
    public func runExamples(context: WorkerContext) -> [ExampleResult] {
        rules.flatMap { rule in
            rule.examples.map { example in
                ExampleResult(mark: example.mark, rule: rule.id, failure: check(example, of: rule, context: context))
            }
        }
    }

    private func check(_ example: RuleExample, of rule: RegexRule, context: WorkerContext) -> String? {
        var fields: [String: [UInt8]] = [:]
        for (key, value) in example.otherFields { fields[key] = Array(value.utf8) }
        let target = rule.fields.first ?? "text"
        fields[target] = Array(example.input.utf8)
        var document = Document(fields: fields)
        do {
            switch example.expectation {
            case .output(let expected):
                try apply(rule, to: &document, context: context)
                let got = document.string(target) ?? ""
                return got == expected ? nil : "expected \(quoted(expected)) got \(quoted(got))"
            case .matches(let expected):
                let fired = try fires(rule, on: document, context: context)
                if fired == expected { return nil }
                return expected ? "expected a match in \(quoted(example.input)), got none" : "expected no match in \(quoted(example.input)), got one"
            }
        } catch {
            return "expected the rule to run, got a match error: \(error)"
        }
    }

    private func quoted(_ text: String) -> String {
        YAMLNode.quoted(text, limit: .max)
    }
}
