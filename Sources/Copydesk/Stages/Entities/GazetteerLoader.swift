/// Reads gazetteer files: `gazetteer: {label, case}` defaults and `entries:`, one mapping each.
///
/// A gazetteer can hold a million entries. A file in the usual one-entry-per-line shape is read by
/// `GazetteerLineReader`; any other file, and any file with a mistake, is read as a stream of YAML
/// events straight into entries, without building a node tree: the same YAML, the same
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
        if let fast = GazetteerLineReader.entries(of: bytes) {
            entries += fast
            return
        }
        var reader = GazetteerEventReader(events: YAMLEventReader(bytes: bytes, file: path), file: path, context: context)
        do {
            try reader.readFile(into: &entries)
        } catch {
            context.report(error)
        }
    }
}

/// The event-by-event reader behind `GazetteerLoader`. It looks at libyaml's events in place and
/// copies only the scalars it keeps. Errors that leave the stream readable are reported and reading
/// goes on; a syntax error or an unexpected structure stops it.
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

    /// What an event was, for the structure checks: the kind, and a copy of a scalar's text.
    private struct Seen {
        var kind: RawYAMLEvent.Kind
        var text: String
        var mark: SourceMark
    }

    private func next() throws(Diagnostic) -> Seen {
        try events.withNextEvent { event in
            Seen(kind: event.kind, text: event.kind == .scalar ? event.string : "", mark: events.mark(of: event))
        }
    }

    mutating func readFile(into entries: inout [GazetteerEntry]) throws(Diagnostic) {
        guard try next().kind == .streamStart else { throw unexpected("the start of the file", at: nil) }
        guard try next().kind == .documentStart else { return }  // an empty file: no entries
        let top = try next()
        guard top.kind == .mappingStart else {
            throw Diagnostic(.error, "expected a mapping with \"gazetteer\" and \"entries\" at the top of gazetteer file \(file)", at: top.mark)
        }
        var sawEntries = false
        while let key = try nextKey() {
            switch key.text {
            case "gazetteer":
                try readDefaults()
            case "entries":
                sawEntries = true
                try readEntries(into: &entries)
            case "description":
                try skipValue()
            default:
                context.error(unknownNameMessage("key", key.text, among: GazetteerLoader.fileKeys), at: key.mark)
                try skipValue()
            }
        }
        if !sawEntries { context.error("missing required key \"entries\" in gazetteer file \(file)", at: top.mark) }
        guard try next().kind == .documentEnd else { throw unexpected("the end of the document", at: nil) }
        let after = try next()
        if after.kind == .documentStart {
            throw Diagnostic(.error, "a gazetteer file holds one YAML document", at: after.mark)
        }
    }

    private mutating func readDefaults() throws(Diagnostic) {
        let start = try next()
        guard start.kind == .mappingStart else { throw unexpected("a mapping for gazetteer defaults", seen: start) }
        while let key = try nextKey() {
            switch key.text {
            case "label":
                defaultLabel = try readScalar().text
            case "case":
                let value = try readScalar()
                defaultCaseSensitive = caseSensitivity(value.text, at: value.mark) ?? false
            default:
                context.error(unknownNameMessage("key", key.text, among: GazetteerLoader.defaultsKeys), at: key.mark)
                try skipValue()
            }
        }
    }

    private mutating func readEntries(into entries: inout [GazetteerEntry]) throws(Diagnostic) {
        let start = try next()
        guard start.kind == .sequenceStart else { throw unexpected("a list of entries", seen: start) }
        while true {
            let entryStart = try events.withNextEvent { event in (event.kind, event.kind == .mappingStart ? nil : events.mark(of: event)) }
            switch entryStart.0 {
            case .sequenceEnd:
                return
            case .mappingStart:
                if let entry = try readEntry() { entries.append(entry) }
            default:
                throw Diagnostic(.error, "expected an entry mapping such as {name: \"India\"} in gazetteer file", at: entryStart.1)
            }
        }
    }

    /// The entry keys, recognised from the bytes without making a String of each key.
    private enum EntryKey {
        case name, label, id, caseKey, aliases, end, unknown(String, SourceMark)
    }

    private func nextEntryKey() throws(Diagnostic) -> (EntryKey, line: Int, column: Int) {
        try events.withNextEvent { (event) throws(Diagnostic) -> (EntryKey, line: Int, column: Int) in
            let key: EntryKey
            switch event.kind {
            case .mappingEnd: key = .end
            case .scalar:
                if event.isScalar("name") { key = .name }
                else if event.isScalar("id") { key = .id }
                else if event.isScalar("label") { key = .label }
                else if event.isScalar("aliases") { key = .aliases }
                else if event.isScalar("case") { key = .caseKey }
                else { key = .unknown(event.string, events.mark(of: event)) }
            default:
                throw Diagnostic(.error, "expected a key in gazetteer entry", at: events.mark(of: event))
            }
            return (key, event.line, event.column)
        }
    }

    /// One entry, after its `mappingStart`. Plain locals, not a dictionary: this runs a million times.
    private mutating func readEntry() throws(Diagnostic) -> GazetteerEntry? {
        var name: String?
        var label: String?
        var id: String?
        var caseValue: Seen?
        var aliases: [String]?
        var firstKey: (line: Int, column: Int)?
        while true {
            let (key, line, column) = try nextEntryKey()
            if firstKey == nil { firstKey = (line, column) }
            func duplicate(_ present: Bool, _ text: String) {
                if present {
                    let mark = events.mark(of: RawYAMLEvent(kind: .scalar, value: UnsafeBufferPointer(start: nil, count: 0), line: line, column: column))
                    context.error("duplicate key \"\(text)\" in gazetteer entry", at: mark)
                }
            }
            switch key {
            case .end:
                return entry(name: name, label: label, id: id, caseValue: caseValue, aliases: aliases, at: firstKey)
            case .name: duplicate(name != nil, "name"); name = try readScalar().text
            case .label: duplicate(label != nil, "label"); label = try readScalar().text
            case .id: duplicate(id != nil, "id"); id = try readScalar().text
            case .caseKey: duplicate(caseValue != nil, "case"); caseValue = try readScalar()
            case .aliases: duplicate(aliases != nil, "aliases"); aliases = try readScalarList()
            case .unknown(let text, let mark):
                context.error(unknownNameMessage("key", text, among: GazetteerLoader.entryKeys), at: mark)
                try skipValue()
            }
        }
    }

    private func entry(
        name: String?, label: String?, id: String?, caseValue: Seen?, aliases: [String]?, at position: (line: Int, column: Int)?
    ) -> GazetteerEntry? {
        let mark = position.map { events.mark(of: RawYAMLEvent(kind: .scalar, value: UnsafeBufferPointer(start: nil, count: 0), line: $0.line, column: $0.column)) }
        guard let name, !name.isEmpty else {
            context.error("missing required key \"name\" in gazetteer entry", at: mark)
            return nil
        }
        guard let label = label ?? defaultLabel else {
            context.error("entry \"\(name)\" has no label, and the file sets no default (gazetteer: {label: …})", at: mark)
            return nil
        }
        let caseSensitive = caseValue.flatMap { caseSensitivity($0.text, at: $0.mark) } ?? defaultCaseSensitive
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
    private func nextKey() throws(Diagnostic) -> Seen? {
        let seen = try next()
        switch seen.kind {
        case .mappingEnd: return nil
        case .scalar: return seen
        default: throw unexpected("a key", seen: seen)
        }
    }

    private func readScalar() throws(Diagnostic) -> Seen {
        let seen = try next()
        guard seen.kind == .scalar else { throw unexpected("a string", seen: seen) }
        return seen
    }

    private func readScalarList() throws(Diagnostic) -> [String] {
        let start = try next()
        guard start.kind == .sequenceStart else { throw unexpected("a list of strings", seen: start) }
        var values: [String] = []
        while true {
            let seen = try next()
            switch seen.kind {
            case .sequenceEnd: return values
            case .scalar: values.append(seen.text)
            default: throw unexpected("a string", seen: seen)
            }
        }
    }

    /// Skips one value, however deeply nested.
    private func skipValue() throws(Diagnostic) {
        var depth = 0
        repeat {
            switch try events.withNextEvent({ $0.kind }) {
            case .mappingStart, .sequenceStart: depth += 1
            case .mappingEnd, .sequenceEnd: depth -= 1
            case .streamEnd, .documentEnd: return
            default: break
            }
        } while depth > 0
    }

    private func unexpected(_ expected: String, seen: Seen) -> Diagnostic {
        let found = switch seen.kind {
        case .scalar: "\"\(seen.text)\""
        case .sequenceStart: "a list"
        case .mappingStart: "a mapping"
        case .alias: "an alias (anchors and aliases are not supported in gazetteer files)"
        case .documentStart: "a new document"
        default: "the end of a collection"
        }
        return Diagnostic(.error, "expected \(expected) in gazetteer file, found \(found)", at: seen.mark)
    }

    private func unexpected(_ expected: String, at mark: SourceMark?) -> Diagnostic {
        Diagnostic(.error, "expected \(expected) in gazetteer file \(file)", at: mark)
    }
}
