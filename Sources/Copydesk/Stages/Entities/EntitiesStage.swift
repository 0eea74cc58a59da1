/// The `entities` stage: tags people, organisations, places, dates, money and more with up to
/// three taggers (a gazetteer, PCRE2 patterns and the statistical model), merges what they find,
/// and adds topic tags.
///
/// **Merge policy.** Candidates that overlap are resolved longest first; between equally long
/// ones, the tagger earlier in `priority` wins (by default gazetteer, then pattern, then model);
/// then the leftmost. Offsets refer to the field's text when this stage runs, so it belongs
/// after the stages that edit text.
public struct EntitiesStage: Stage {
    public let id: String
    public var kind: String { "entities" }
    public let fields: [String]
    public let gazetteer: Gazetteer?
    public let patterns: [EntityPattern]
    public let model: NERModel?
    /// Taggers in order of precedence for equally long overlapping candidates.
    public let priority: [Entity.Source]
    public let topics: [TopicRule]
    private let topicWords: TopicWords
    private let topicSources: [TraceSource]

    public init(
        id: String, fields: [String] = ["text"], gazetteer: Gazetteer? = nil, patterns: [EntityPattern] = [],
        model: NERModel? = nil, priority: [Entity.Source] = Entity.Source.allCases, topics: [TopicRule] = []
    ) {
        self.id = id
        self.fields = fields
        self.gazetteer = gazetteer
        self.patterns = patterns
        self.model = model
        self.priority = priority
        self.topics = topics
        self.topicWords = TopicWords(topics)
        self.topicSources = topics.map { TraceSource(stage: id, rule: "topic:" + $0.tag, mark: $0.mark) }
    }

    public var ruleIDs: [String] { patterns.map(\.id) }

    /// A pattern that fails on a document records the error; the other taggers still run.
    public var canThrow: Bool { false }

    public func process(_ document: inout Document, context: WorkerContext) {
        var found: [Entity] = []
        var texts: [[UInt8]] = []
        for field in fields {
            guard let text = document.field(field) else { continue }
            texts.append(text)
            let candidates = text.withUnsafeBufferPointer { candidatesIn($0, field: field, document: &document, context: context) }
            found += ModelSpanFilter.relabelNameParts(EntityMerge.resolve(candidates, priority: priority), in: text)
        }
        document.entities = (document.entities ?? []) + found
        addTopics(to: &document, texts: texts, context: context)
    }

    private func candidatesIn(
        _ text: UnsafeBufferPointer<UInt8>, field: String, document: inout Document, context: WorkerContext
    ) -> [Entity] {
        var candidates: [Entity] = []
        if let gazetteer {
            for match in gazetteer.matches(in: text) {
                let entry = gazetteer.entries[match.entry]
                candidates.append(Entity(
                    field: field, range: match.range, label: entry.label, source: .gazetteer, canonical: entry.name, id: entry.id))
            }
        }
        let counting = context.collectsStats
        for (index, rule) in patterns.enumerated() {
            let start = counting ? MonotonicClock.now() : 0
            do {
                let matches = try rule.pattern.allMatches(in: text, scratch: &context.regex).filter { !$0.range.isEmpty }
                candidates += matches.map { Entity(field: field, range: $0.range, label: rule.label, source: .pattern, id: rule.id) }
                if counting {
                    context.countRule(index) { counters in
                        counters.nanoseconds += MonotonicClock.now() &- start
                        if !matches.isEmpty {
                            counters.hits += matches.count
                            counters.documentsHit += 1
                        }
                    }
                }
            } catch {
                document.errors.append(StageError(stage: id, rule: rule.id, message: error.description))
                if counting { context.countRule(index) { $0.limitErrors += 1 } }
            }
        }
        if let model {
            for span in ModelSpanFilter.correct(model.tag(text, scratch: &context.ner), in: text) {
                candidates.append(Entity(field: field, range: span.byteStart..<span.byteEnd, label: Self.label(span.label), source: .model))
            }
        }
        return candidates
    }

    /// The model's CoNLL labels, with PER spelled out as PERSON.
    static func label(_ label: EntityLabel) -> String {
        label.name == "PER" ? "PERSON" : label.name
    }

    private func addTopics(to document: inout Document, texts: [[UInt8]], context: WorkerContext) {
        guard !topics.isEmpty else { return }
        // The entities' names (canonical, or as written), lowercased, only if some topic lists entities.
        var names: Set<String> = []
        if topics.contains(where: { !$0.entities.isEmpty }) {
            for entity in document.entities ?? [] where document.field(entity.field) != nil {
                names.insert(document.name(of: entity).lowercased())
            }
        }
        var byWords: Set<Int> = []
        for text in texts {
            byWords.formUnion(text.withUnsafeBufferPointer { topicWords.topics(in: $0) })
        }
        for (index, topic) in topics.enumerated() where !document.tags.contains(topic.tag) {
            guard byWords.contains(index) || !topic.entities.isDisjoint(with: names) else { continue }
            document.addTag(topic.tag)
            if document.tracksOrigins {
                document.trace.append(TraceEvent(
                    source: topicSources[index], field: fields.first ?? "text", range: 0..<0,
                    matchedIn: [], matchRange: 0..<0, effect: .tag([topic.tag])))
            }
        }
    }

    public func runExamples(context: WorkerContext) -> [ExampleResult] {
        patterns.flatMap { $0.runExamples(scratch: &context.regex) }
    }
}
