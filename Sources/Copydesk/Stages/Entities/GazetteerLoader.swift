/// Reads gazetteer files: `gazetteer: {label, case}` defaults and `entries:`, one mapping each.
///
/// A gazetteer can hold a million entries, so the file is read as a stream of YAML events
/// straight into entries, without building a node tree: the same YAML, the same
/// `file:line:col` errors, a fraction of the time and memory. Anchors and aliases are not
/// supported here.
enum GazetteerLoader {
    static let fileKeys = ["gazetteer", "entries", "description"]
    static let defaultsKeys = ["label", "case"]
    static let entryKeys = ["name", "label", "aliases", "id", "case"]
    static let cases = ["insensitive", "sensitive"]

    /// Appends the entries of the file at `path`; problems go to the context with their marks.
    static func load(_ path: String, requestedAt mark: SourceMark, into entries: inout [GazetteerEntry], context: ConfigContext) {
        guard let bytes = context.readConfigFile(path, requestedAt: mark) else { return }
        var reader = GazetteerEventReader(events: YAMLEventReader(bytes: bytes, file: path), file: path, context: context)
        do {
            try reader.readFile(into: &entries)
        } catch {
            context.report(error)
        }
    }
}

/// The event-by-event reader behind `GazetteerLoader`. Errors that leave the stream readable
/// are reported and reading goes on; a syntax error or an unexpected structure stops it.
struct GazetteerEventReader {
    let events: YAMLEventReader
    let file: String
    let context: ConfigContext
    private var defaultLabel: String?
    private var defaultCaseSensitive = false

    init(events: YAMLEventReader, file: String, context: ConfigContext) {
        self.events = events
        self.file = file
        self.context = context
    }

    mutating func readFile(into entries: inout [GazetteerEntry]) throws(Diagnostic) {
        guard case .streamStart = try events.next() else { throw unexpected("the start of the file", at: nil) }
        let first = try events.next()
        guard case .documentStart = first else { return }  // an empty file: no entries
        guard case .mappingStart(_, _, let top) = try events.next() else {
            throw Diagnostic(.error, "expected a mapping with \"gazetteer\" and \"entries\" at the top of gazetteer file \(file)", at: SourceMark(file: file, line: 1, column: 1))
        }
        var sawEntries = false
        while let (key, mark) = try nextKey() {
            switch key {
            case "gazetteer":
                try readDefaults()
            case "entries":
                sawEntries = true
                try readEntries(into: &entries)
            case "description":
                try skipValue()
            default:
                context.error(unknownNameMessage("key", key, among: GazetteerLoader.fileKeys), at: mark)
                try skipValue()
            }
        }
        if !sawEntries { context.error("missing required key \"entries\" in gazetteer file \(file)", at: top) }
        guard case .documentEnd = try events.next() else { throw unexpected("the end of the document", at: nil) }
        if case .documentStart(let mark) = try events.next() {
            throw Diagnostic(.error, "a gazetteer file holds one YAML document", at: mark)
        }
    }

    private mutating func readDefaults() throws(Diagnostic) {
        let values = try readScalarMapping(allowed: GazetteerLoader.defaultsKeys, what: "gazetteer defaults")
        defaultLabel = values["label"]?.value
        if let (value, mark) = values["case"] { defaultCaseSensitive = caseSensitivity(value, at: mark) ?? false }
    }

    private mutating func readEntries(into entries: inout [GazetteerEntry]) throws(Diagnostic) {
        let start = try events.next()
        guard case .sequenceStart = start else { throw unexpected("a list of entries", event: start) }
        while true {
            let event = try events.next()
            switch event {
            case .sequenceEnd:
                return
            case .mappingStart(_, _, let mark):
                if let entry = try readEntry(at: mark) { entries.append(entry) }
            default:
                throw unexpected("an entry mapping such as {name: \"India\"}", event: event)
            }
        }
    }

    /// One entry, after its `mappingStart`. Plain locals, not a dictionary: this runs a million times.
    private mutating func readEntry(at mark: SourceMark) throws(Diagnostic) -> GazetteerEntry? {
        var name: String?
        var label: String?
        var id: String?
        var caseValue: (value: String, mark: SourceMark)?
        var aliases: [String]?
        while let (key, keyMark) = try nextKey() {
            func duplicate(_ present: Bool) {
                if present { context.error("duplicate key \"\(key)\" in gazetteer entry", at: keyMark) }
            }
            switch key {
            case "name": duplicate(name != nil); name = try readScalar().value
            case "label": duplicate(label != nil); label = try readScalar().value
            case "id": duplicate(id != nil); id = try readScalar().value
            case "case": duplicate(caseValue != nil); caseValue = try readScalar()
            case "aliases": duplicate(aliases != nil); aliases = try readScalarList()
            default:
                context.error(unknownNameMessage("key", key, among: GazetteerLoader.entryKeys), at: keyMark)
                try skipValue()
            }
        }
        guard let name, !name.isEmpty else {
            context.error("missing required key \"name\" in gazetteer entry", at: mark)
            return nil
        }
        guard let label = label ?? defaultLabel else {
            context.error("entry \"\(name)\" has no label, and the file sets no default (gazetteer: {label: …})", at: mark)
            return nil
        }
        let caseSensitive = caseValue.flatMap { caseSensitivity($0.value, at: $0.mark) } ?? defaultCaseSensitive
        return GazetteerEntry(name: name, label: label, aliases: aliases ?? [], id: id, caseSensitive: caseSensitive)
    }

    private func caseSensitivity(_ value: String, at mark: SourceMark) -> Bool? {
        guard GazetteerLoader.cases.contains(value) else {
            context.error(unknownNameMessage("case", value, among: GazetteerLoader.cases), at: mark)
            return nil
        }
        return value == "sensitive"
    }

    /// The next key of the mapping being read, or nil at its end.
    private func nextKey() throws(Diagnostic) -> (String, SourceMark)? {
        let event = try events.next()
        switch event {
        case .mappingEnd: return nil
        case .scalar(let scalar, _, _, let mark): return (scalar.value, mark)
        default: throw unexpected("a key", event: event)
        }
    }

    private func readScalar() throws(Diagnostic) -> (value: String, mark: SourceMark) {
        let event = try events.next()
        guard case .scalar(let scalar, _, _, let mark) = event else { throw unexpected("a string", event: event) }
        return (scalar.value, mark)
    }

    private func readScalarList() throws(Diagnostic) -> [String] {
        let start = try events.next()
        guard case .sequenceStart = start else { throw unexpected("a list of strings", event: start) }
        var values: [String] = []
        while true {
            let event = try events.next()
            switch event {
            case .sequenceEnd: return values
            case .scalar(let scalar, _, _, _): values.append(scalar.value)
            default: throw unexpected("a string", event: event)
            }
        }
    }

    private func readScalarMapping(allowed: [String], what: String) throws(Diagnostic) -> [String: (value: String, mark: SourceMark)] {
        let start = try events.next()
        guard case .mappingStart = start else { throw unexpected("a mapping for \(what)", event: start) }
        var values: [String: (value: String, mark: SourceMark)] = [:]
        while let (key, mark) = try nextKey() {
            guard allowed.contains(key) else {
                context.error(unknownNameMessage("key", key, among: allowed), at: mark)
                try skipValue()
                continue
            }
            if values[key] != nil { context.error("duplicate key \"\(key)\" in \(what)", at: mark) }
            values[key] = try readScalar()
        }
        return values
    }

    /// Skips one value, however deeply nested.
    private func skipValue() throws(Diagnostic) {
        var depth = 0
        repeat {
            switch try events.next() {
            case .mappingStart, .sequenceStart: depth += 1
            case .mappingEnd, .sequenceEnd: depth -= 1
            case .streamEnd, .documentEnd: return
            default: break
            }
        } while depth > 0
    }

    private func unexpected(_ expected: String, event: YAMLEvent) -> Diagnostic {
        let (found, mark): (String, SourceMark?) = switch event {
        case .scalar(let scalar, _, _, let mark): ("\"\(scalar.value)\"", mark)
        case .sequenceStart(_, _, let mark): ("a list", mark)
        case .mappingStart(_, _, let mark): ("a mapping", mark)
        case .alias(_, let mark): ("an alias (anchors and aliases are not supported in gazetteer files)", mark)
        case .documentStart(let mark): ("a new document", mark)
        default: ("the end of a collection", nil)
        }
        return Diagnostic(.error, "expected \(expected) in gazetteer file, found \(found)", at: mark)
    }

    private func unexpected(_ expected: String, at mark: SourceMark?) -> Diagnostic {
        Diagnostic(.error, "expected \(expected) in gazetteer file \(file)", at: mark)
    }
}
