extension PIIStage {
    static let stageKeys = ["stage", "id", "fields", "types", "detectors", "min_confidence", "allow"] + ModerationActionDecoder.keys
    static let fileKeys = ["description", "min_confidence", "types"]
    static let typeKeys = ["severity", "raise", "lower", "near", "allow", "examples"]
    static let builtinDetectors = "moderation/pii.yaml"

    /// Registry factory.
    @Sendable
    public static func make(_ definition: StageDefinition, context: ConfigContext) -> (any Stage)? {
        guard let mapping = ConfigMapping(definition.node, allowedKeys: stageKeys, what: "pii stage \"\(definition.id)\"", context: context) else {
            return nil
        }
        let errorsBefore = context.diagnostics.count
        let fields = mapping.strings("fields")?.map(\.0) ?? ["text"]
        var enabled = Set(PIIType.allCases)
        if let names = mapping.strings("types") {
            enabled = []
            for (name, mark) in names {
                guard let type = PIIType(rawValue: name) else {
                    context.error(unknownNameMessage("PII type", name, among: PIIType.allCases.map(\.rawValue)), at: mark)
                    continue
                }
                enabled.insert(type)
            }
        }
        // The detector settings: a file relative to the pipeline, or the built-in one.
        var file: (root: YAMLNode, context: ConfigContext)?
        if let path = mapping.string("detectors") {
            let resolved = context.resolveInclude(path, from: definition.file, at: mapping.mark(of: "detectors"))
            if let first = resolved.first, let root = context.loadYAML(first, requestedAt: mapping.mark(of: "detectors")) { file = (root, context) }
        } else {
            let embedded = ConfigContext(fileSystem: EmbeddedRules.fileSystem)
            if let root = embedded.loadYAML(EmbeddedRules.root + "/" + builtinDetectors) {
                file = (root, embedded)
            } else {
                embedded.diagnostics.forEach(context.report)
            }
        }
        var detectors: [PIIType: PIIDetector] = [:]
        var examples: [ModerationExample] = []
        var minConfidence = 0.5
        if let (root, fileContext) = file, let settings = ConfigMapping(root, allowedKeys: fileKeys, what: "PII detector file", context: fileContext) {
            minConfidence = ModerationActionDecoder.fraction(settings, "min_confidence", context: fileContext) ?? minConfidence
            let types = settings.value("types")
            for pair in types?.mapping ?? [] {
                guard let name = pair.key.string, let type = PIIType(rawValue: name) else {
                    fileContext.error(unknownNameMessage("PII type", pair.key.string ?? "?", among: PIIType.allCases.map(\.rawValue)), at: pair.key.mark)
                    continue
                }
                guard enabled.contains(type),
                      let detector = decodeDetector(type, pair.value, stage: definition.id, examples: &examples, context: fileContext) else { continue }
                detectors[type] = detector
            }
            if let types, types.mapping == nil {
                fileContext.error("expected a mapping of PII types for \"types\", found \(types.kindDescription)", at: types.mark)
            }
            if fileContext !== context { fileContext.diagnostics.forEach(context.report) }
        }
        // Types the file does not configure still run, with defaults.
        for type in enabled where detectors[type] == nil {
            detectors[type] = PIIDetector(
                type: type, severity: .medium, raise: [], lower: [], near: type == .pin ? Self.defaultAddressWords : [], allow: [],
                source: TraceSource(stage: definition.id, rule: "pii.\(type.rawValue)", mark: definition.node.mark))
        }
        minConfidence = ModerationActionDecoder.fraction(mapping, "min_confidence", context: context) ?? minConfidence
        for (pattern, _) in mapping.strings("allow") ?? [] {
            for type in detectors.keys { detectors[type]?.allow.append(Array(pattern.lowercased().utf8)) }
        }
        let action = ModerationActionDecoder.decode(mapping, required: false, context: context) ?? .flag
        let failed = context.diagnostics[errorsBefore...].contains { $0.severity == .error }
        guard !failed else { return nil }
        let recorder = ModerationRecorder(stageID: definition.id, stageKind: "pii", policy: context.moderationPolicy, fallback: action)
        return PIIStage(id: definition.id, fields: fields, detectors: detectors, minConfidence: minConfidence, recorder: recorder, examples: examples)
    }

    static let defaultAddressWords: [[UInt8]] = ["road", "nagar", "street", "colony", "sector", "marg", "district", "pin", "pincode"].map { Array($0.utf8) }

    private static func decodeDetector(
        _ type: PIIType, _ node: YAMLNode, stage: String, examples: inout [ModerationExample], context: ConfigContext
    ) -> PIIDetector? {
        guard let settings = ConfigMapping(node, allowedKeys: typeKeys, what: "PII type \"\(type.rawValue)\"", context: context) else { return nil }
        var severity = Severity.medium
        if let name = settings.string("severity"), let given = ModerationActionDecoder.severity(name, at: settings.mark(of: "severity"), context: context) {
            severity = given
        }
        func words(_ key: String) -> [[UInt8]] {
            (settings.strings(key) ?? []).map { Array($0.0.lowercased().utf8) }
        }
        examples += ModerationExample.decode(settings, what: type.rawValue, context: context)
        var near = words("near")
        if type == .pin && near.isEmpty { near = defaultAddressWords }
        return PIIDetector(
            type: type, severity: severity, raise: words("raise"), lower: words("lower"), near: near, allow: words("allow"),
            source: TraceSource(stage: stage, rule: "pii.\(type.rawValue)", mark: node.mark))
    }
}
