extension EntitiesStage {
    static let stageKeys = ["stage", "id", "fields", "model", "gazetteers", "patterns", "topics", "priority"]
    static let patternFileKeys = ["rules", "description"]
    static let topicFileKeys = ["topics", "description"]
    static let topicKeys = ["tag", "entities", "words"]
    /// `model: builtin` (the default) is the model compiled into copydesk.
    static let builtinModel = "builtin"

    /// Registry factory.
    @Sendable
    public static func make(_ definition: StageDefinition, context: ConfigContext) -> (any Stage)? {
        guard let mapping = ConfigMapping(definition.node, allowedKeys: stageKeys, what: "entities stage \"\(definition.id)\"", context: context) else {
            return nil
        }
        let errorsBefore = context.diagnostics.count
        let file = definition.file
        let fields = mapping.strings("fields")?.map(\.0) ?? ["text"]
        var entries: [GazetteerEntry] = []
        for (entry, mark) in mapping.strings("gazetteers") ?? [] {
            for path in context.resolveInclude(entry, from: file, at: mark) {
                GazetteerLoader.load(path, requestedAt: mark, into: &entries, context: context)
            }
        }
        var patterns: [EntityPattern] = []
        for (entry, mark) in mapping.strings("patterns") ?? [] {
            for path in context.resolveInclude(entry, from: file, at: mark) {
                guard let root = context.loadYAML(path, requestedAt: mark),
                      let rules = ConfigMapping(root, allowedKeys: patternFileKeys, what: "pattern file \(path)", context: context) else { continue }
                patterns += (rules.list("rules", required: true) ?? []).compactMap { EntityPatternDecoder.decode($0, context: context) }
            }
        }
        var topics: [TopicRule] = []
        for (entry, mark) in mapping.strings("topics") ?? [] {
            for path in context.resolveInclude(entry, from: file, at: mark) {
                topics += loadTopics(path, requestedAt: mark, context: context)
            }
        }
        let model = loadModel(mapping, file: file, context: context)
        let priority = decodePriority(mapping, context: context)
        let failed = context.diagnostics[errorsBefore...].contains { $0.severity == .error }
        guard !failed else { return nil }
        return EntitiesStage(
            id: definition.id, fields: fields, gazetteer: entries.isEmpty ? nil : Gazetteer(entries: entries),
            patterns: patterns, model: model, priority: priority, topics: topics)
    }

    /// `model:` is `builtin` (default), `none`, or a path relative to the config file.
    private static func loadModel(_ mapping: ConfigMapping, file: String, context: ConfigContext) -> NERModel? {
        let value = mapping.string("model") ?? builtinModel
        if value == "none" { return nil }
        let path = value == builtinModel ? EmbeddedRules.root + "/" + EmbeddedRules.nerModelPath : ConfigPath.join(ConfigPath.directory(of: file), value)
        let system: any ConfigFileSystem = value == builtinModel ? EmbeddedRules.fileSystem : context.fileSystem
        do {
            return try NERModel(bytes: try system.read(path), path: path)
        } catch {
            context.error("cannot load NER model \(path): \(error)", at: mapping.has("model") ? mapping.mark(of: "model") : nil)
            return nil
        }
    }

    private static func decodePriority(_ mapping: ConfigMapping, context: ConfigContext) -> [Entity.Source] {
        guard let names = mapping.strings("priority") else { return Entity.Source.allCases }
        var priority: [Entity.Source] = []
        for (name, mark) in names {
            guard let source = Entity.Source(rawValue: name) else {
                context.error(unknownNameMessage("tagger", name, among: Entity.Source.allCases.map(\.rawValue)), at: mark)
                continue
            }
            if priority.contains(source) { context.error("tagger \"\(name)\" is listed twice", at: mark) }
            priority.append(source)
        }
        // Taggers left out rank after those listed, in the default order.
        return priority + Entity.Source.allCases.filter { !priority.contains($0) }
    }

    private static func loadTopics(_ path: String, requestedAt mark: SourceMark, context: ConfigContext) -> [TopicRule] {
        guard let root = context.loadYAML(path, requestedAt: mark),
              let file = ConfigMapping(root, allowedKeys: topicFileKeys, what: "topic file \(path)", context: context) else { return [] }
        return (file.list("topics", required: true) ?? []).compactMap { (node) -> TopicRule? in
            guard let topic = ConfigMapping(node, allowedKeys: topicKeys, what: "topic", context: context),
                  let tag = topic.string("tag", required: true) else { return nil }
            let entities = topic.strings("entities")?.map(\.0) ?? []
            let words = topic.strings("words")?.map(\.0) ?? []
            if entities.isEmpty && words.isEmpty {
                context.warning("topic \"\(tag)\" has no entities or words, so it never fires", at: node.mark)
            }
            return TopicRule(tag: tag, entities: entities, words: words, mark: node.mark)
        }
    }
}
