/// A PCRE2 rule that tags what it matches with a label (`DATE`, `MONEY`, …).
public final class EntityPattern: Sendable {
    /// One example: the input, and the exact texts the rule must tag in it, in order.
    public struct Example: Sendable {
        public var input: String
        public var entities: [String]
        public var mark: SourceMark
    }

    public let id: String
    public let label: String
    public let pattern: Pattern
    public let examples: [Example]
    public let mark: SourceMark

    init(id: String, label: String, pattern: Pattern, examples: [Example], mark: SourceMark) {
        self.id = id
        self.label = label
        self.pattern = pattern
        self.examples = examples
        self.mark = mark
    }

    /// Runs the examples; a failure says what was expected and what was tagged.
    func runExamples(scratch: inout MatchScratch) -> [ExampleResult] {
        examples.map { example in
            let bytes = Array(example.input.utf8)
            let found: [String]
            do {
                found = try bytes.withUnsafeBufferPointer { (buffer) throws(MatchError) -> [String] in
                    try pattern.allMatches(in: buffer, scratch: &scratch).compactMap { match in
                        match.range.isEmpty ? nil : String(decoding: buffer[match.range], as: UTF8.self)
                    }
                }
            } catch {
                return ExampleResult(mark: example.mark, rule: id, failure: "match error: \(error)")
            }
            let failure = found == example.entities ? nil : "expected \(example.entities), tagged \(found)"
            return ExampleResult(mark: example.mark, rule: id, failure: failure)
        }
    }
}
