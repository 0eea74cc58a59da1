/// One `examples:` entry of a plugin stage: a document in, and what should come out.
///
///     examples:
///       - input: "The story …"             # the text field
///         fields: {title: "A headline"}    # other string fields (optional)
///         output: "The story …"            # the text afterwards (optional)
///         meta: {reading_time_minutes: 1}  # meta entries it must have (optional)
///         tags: [long-read]                # exactly the tags it ends with (optional; [] for none)
///         drop: false                      # whether it is dropped (optional)
public struct PluginExample: Sendable {
    public var input: String
    public var fields: [String: String]
    public var output: String?
    public var meta: [(key: String, value: String)]
    public var tags: [String]?
    public var drop: Bool?
    public var mark: SourceMark

    static let keys = ["input", "fields", "output", "meta", "tags", "drop"]

    /// Reads a stage's `examples:`; reports problems to the context.
    static func decodeAll(_ mapping: ConfigMapping, stage: String, context: ConfigContext) -> [PluginExample] {
        guard let items = mapping.list("examples") else { return [] }
        return items.compactMap { item in
            guard let example = ConfigMapping(item, allowedKeys: keys, what: "an example of stage \"\(stage)\"", context: context),
                  let input = example.string("input", required: true) else { return nil }
            var decoded = PluginExample(input: input, fields: [:], output: example.string("output"), meta: [], tags: nil, drop: example.bool("drop"), mark: item.mark)
            decoded.fields = stringPairs(example.value("fields"), what: "fields", context: context).reduce(into: [:]) { $0[$1.key] = $1.value }
            decoded.meta = stringPairs(example.value("meta"), what: "meta", context: context)
            if let tags = example.value("tags"), tags.sequence?.isEmpty == true {
                decoded.tags = []
            } else {
                decoded.tags = example.strings("tags")?.map(\.0)
            }
            if decoded.output == nil && decoded.meta.isEmpty && decoded.tags == nil && decoded.drop == nil {
                context.warning("example checks nothing (give output, meta, tags or drop)", at: item.mark)
            }
            return decoded
        }
    }

    /// The example's check against a processed document: nil when it passed.
    func failure(of document: Document, textField: String) -> String? {
        var problems: [String] = []
        if let drop, drop != (document.decision == .drop) {
            problems.append(drop ? "expected a drop, got none" : "expected no drop, got one (\(document.dropReason ?? ""))")
        }
        if let settlement = document.settlement {
            problems.append("the document was \(settlement.kind == .failed ? "failed" : "rejected"): \(settlement.reason)")
        }
        for error in document.errors {
            problems.append("error: \(error.message)")
        }
        if let output {
            let got = document.string(textField) ?? ""
            if got != output { problems.append("expected \(YAMLNode.quoted(output, limit: .max)) got \(YAMLNode.quoted(got, limit: .max))") }
        }
        for entry in meta where document.meta[entry.key] != entry.value {
            problems.append("expected meta \(entry.key) = \(YAMLNode.quoted(entry.value)), got \(document.meta[entry.key].map { YAMLNode.quoted($0) } ?? "none")")
        }
        if let tags, tags != document.tags {
            problems.append("expected tags [\(tags.joined(separator: ", "))], got [\(document.tags.joined(separator: ", "))]")
        }
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }

    /// The example's document.
    func document(textField: String) -> Document {
        var all = fields.mapValues { Array($0.utf8) }
        all[textField] = Array(input.utf8)
        return Document(fields: all)
    }

    private static func stringPairs(_ node: YAMLNode?, what: String, context: ConfigContext) -> [(key: String, value: String)] {
        guard let node, !node.isNull else { return [] }
        guard let pairs = node.mapping else {
            context.error("expected a mapping for \"\(what)\", found \(node.kindDescription)", at: node.mark)
            return []
        }
        return pairs.compactMap { pair in
            guard let key = pair.key.string, let value = pair.value.string, pair.value.mapping == nil, pair.value.sequence == nil else {
                context.error("expected string keys and scalar values in \"\(what)\"", at: pair.key.mark)
                return nil
            }
            return (key, value)
        }
    }
}

extension Stage {
    /// Runs plugin examples through this stage, each document on its own.
    func runPluginExamples(_ examples: [PluginExample], context: WorkerContext) -> [ExampleResult] {
        examples.map { example in
            var documents = [example.document(textField: "text")]
            process(batch: &documents, context: context)
            return ExampleResult(mark: example.mark, rule: id, failure: example.failure(of: documents[0], textField: "text"))
        }
    }
}
