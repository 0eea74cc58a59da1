/// The `regex` stage: PCRE2 rules, applied in order, that strip, replace, extract, tag, flag
/// or drop. Rules come inline (`rules:`) and from rule files (`include:`).
public struct RegexStage: Stage {
    public let id: String
    public var kind: String { "regex" }
    public let rules: [RegexRule]
    /// One per rule, in the same order, shared by every trace event the rule records.
    private let traceSources: [TraceSource]

    public init(id: String, rules: [RegexRule]) {
        self.id = id
        self.rules = rules
        self.traceSources = rules.map { TraceSource(stage: id, rule: $0.id, mark: $0.mark) }
    }

    public var ruleIDs: [String] { rules.map(\.id) }

    /// A rule that fails records the error and leaves the document as it was before that rule.
    public var canThrow: Bool { false }

    public func process(_ document: inout Document, context: WorkerContext) {
        let counting = context.collectsStats
        // One clock reading per rule: each rule's end is the next rule's start.
        var start = counting ? MonotonicClock.now() : 0
        for (index, rule) in rules.enumerated() {
            if document.decision == .drop { return }
            let before = counting ? (document.changeFingerprint, document.removed.count) : (ChangeFingerprint(), 0)
            var failure: MatchError?
            do {
                try apply(rule, to: &document, context: context)
            } catch {
                failure = error
                document.errors.append(StageError(stage: id, rule: rule.id, message: error.description))
            }
            if counting {
                let end = MonotonicClock.now()
                record(index, on: document, before: before, failure: failure, nanoseconds: end &- start, context: context)
                start = end
            }
        }
    }

    /// Adds this rule's work on one document to the worker's counters.
    private func record(
        _ ruleIndex: Int, on document: Document, before: (fingerprint: ChangeFingerprint, removed: Int),
        failure: MatchError?, nanoseconds: UInt64, context: WorkerContext
    ) {
        let removed = document.removed[before.removed...]
        let fired = document.changeFingerprint != before.fingerprint && failure == nil
        context.countRule(ruleIndex) { counters in
            counters.nanoseconds += nanoseconds
            if let failure {
                switch failure.kind {
                case .matchLimit, .heapLimit, .depthLimit, .jitStackLimit: counters.limitErrors += 1
                case .other: counters.otherErrors += 1
                }
            }
            guard fired else { return }
            counters.documentsHit += 1
            counters.hits += removed.isEmpty ? 1 : removed.count
            counters.bytesRemoved += removed.reduce(0) { $0 + $1.matchRange.count }
        }
    }

    /// Applies one rule. On a match error the document is left as it was before this rule.
    public func apply(_ rule: RegexRule, to document: inout Document, context: WorkerContext) throws(MatchError) {
        guard try guardsHold(rule, document, context) else { return }
        switch rule.action {
        case .strip:
            try strip(rule, in: &document, context: context)
        case .replace(let template):
            try replace(rule, with: template, in: &document, context: context)
        case .extract(let meta, let strip):
            try extract(rule, meta: meta, strip: strip, in: &document, context: context)
        case .tag(let tags):
            guard let hit = try firstHit(rule, document, context) else { return }
            tags.forEach { document.addTag($0) }
            trace(.tag(tags), of: rule, at: hit, in: &document)
        case .flag(let category, let severity):
            guard let hit = try firstHit(rule, document, context) else { return }
            document.addFlag(ModerationFlag(rule: rule.id, category: category, severity: severity))
            trace(.flag(category: category, severity: severity), of: rule, at: hit, in: &document)
        case .drop(let reason):
            guard let hit = try firstHit(rule, document, context) else { return }
            document.drop(reason: "\(rule.id): \(reason)", rule: rule.id)
            trace(.drop(reason: reason), of: rule, at: hit, in: &document)
        }
    }

    private func strip(_ rule: RegexRule, in document: inout Document, context: WorkerContext) throws(MatchError) {
        // Match every field first so that an error leaves the document untouched.
        var planned: [(field: String, matches: [Match], edits: [TextEdit], text: [UInt8])] = []
        for field in rule.fields {
            guard let text = document.field(field) else { continue }
            let (matches, edits) = try text.withUnsafeBufferPointer { (buffer) throws(MatchError) -> ([Match], [TextEdit]) in
                let matches = try rule.pattern.allMatches(in: buffer, scratch: &context.regex)
                return (matches, matches.isEmpty ? [] : StripTidy.edits(removing: matches.map(\.range), from: buffer))
            }
            if !matches.isEmpty { planned.append((field, matches, edits, text)) }
        }
        for plan in planned {
            record(plan.matches.map(\.range), of: rule, field: plan.field, text: plan.text, tracing: true, in: &document)
            document.apply(plan.edits, to: plan.field)
        }
    }

    private func replace(_ rule: RegexRule, with template: ReplacementTemplate, in document: inout Document, context: WorkerContext) throws(MatchError) {
        var planned: [(field: String, edits: [TextEdit])] = []
        for field in rule.fields {
            guard let text = document.field(field) else { continue }
            let edits = try text.withUnsafeBufferPointer { (buffer) throws(MatchError) -> [TextEdit] in
                try rule.pattern.allMatches(in: buffer, scratch: &context.regex).map { match in
                    var replacement: [UInt8] = []
                    template.expand(match, in: buffer, into: &replacement)
                    return TextEdit(range: match.range, replacement: replacement)
                }
            }
            if !edits.isEmpty { planned.append((field, edits)) }
        }
        for plan in planned {
            if document.tracksOrigins, let text = document.field(plan.field) {
                for edit in plan.edits {
                    trace(.replace(replacement: edit.replacement), of: rule, at: Hit(field: plan.field, range: edit.range, text: text), in: &document)
                }
            }
            document.apply(plan.edits, to: plan.field)
        }
    }

    private func extract(
        _ rule: RegexRule, meta: [(key: String, template: ReplacementTemplate)], strip: Bool,
        in document: inout Document, context: WorkerContext
    ) throws(MatchError) {
        for field in rule.fields {
            guard let text = document.field(field) else { continue }
            let found = try text.withUnsafeBufferPointer { (buffer) throws(MatchError) -> (Match, [(String, String)], [TextEdit])? in
                guard let match = try rule.pattern.firstMatch(in: buffer, scratch: &context.regex) else { return nil }
                var values: [(String, String)] = []
                for (key, template) in meta {
                    var bytes: [UInt8] = []
                    template.expand(match, in: buffer, into: &bytes)
                    let value = String(decoding: bytes, as: UTF8.self).trimmingSpaces()
                    if !value.isEmpty { values.append((key, value)) }
                }
                let edits = strip ? StripTidy.edits(removing: [match.range], from: buffer) : []
                return (match, values, edits)
            }
            guard let (match, values, edits) = found else { continue }
            if document.tracksOrigins {
                var added = Meta()
                for (key, value) in values where document.meta[key] == nil { added.set(key, value) }
                trace(.extract(meta: added, stripped: strip), of: rule, at: Hit(field: field, range: match.range, text: text), in: &document)
            }
            for (key, value) in values { document.meta.set(key, value) }
            if strip {
                record([match.range], of: rule, field: field, text: text, tracing: false, in: &document)
                document.apply(edits, to: field)
            }
            return
        }
    }

    /// Whether every `when:` guard of the rule holds. A missing field counts as empty.
    func guardsHold(_ rule: RegexRule, _ document: Document, _ context: WorkerContext) throws(MatchError) -> Bool {
        for ruleGuard in rule.guards {
            let value = document.field(ruleGuard.field) ?? []
            let matched = try value.withUnsafeBufferPointer { (buffer) throws(MatchError) -> Bool in
                try ruleGuard.pattern.matches(buffer, scratch: &context.regex)
            }
            if matched == ruleGuard.negate { return false }
        }
        return true
    }

    /// Whether the rule's guards hold and its pattern matches one of its fields.
    func fires(_ rule: RegexRule, on document: Document, context: WorkerContext) throws(MatchError) -> Bool {
        guard try guardsHold(rule, document, context) else { return false }
        return try firstHit(rule, document, context) != nil
    }

    /// Where a rule matched: a byte range of the current value of `field`.
    private struct Hit {
        var field: String
        var range: Range<Int>
        var text: [UInt8]
    }

    /// The first of the rule's fields that its pattern matches. With `tracksOrigins` on, the hit
    /// holds the first match's range; otherwise the cheaper yes/no search is used and the range is empty.
    private func firstHit(_ rule: RegexRule, _ document: Document, _ context: WorkerContext) throws(MatchError) -> Hit? {
        for field in rule.fields {
            guard let text = document.field(field) else { continue }
            let range = try text.withUnsafeBufferPointer { (buffer) throws(MatchError) -> Range<Int>? in
                if document.tracksOrigins {
                    return try rule.pattern.firstMatch(in: buffer, scratch: &context.regex)?.range
                }
                return try rule.pattern.matches(buffer, scratch: &context.regex) ? 0..<0 : nil
            }
            if let range { return Hit(field: field, range: range, text: text) }
        }
        return nil
    }

    /// Appends a trace event for a rule that fired, when the document tracks origins.
    /// Call it before the rule's edits are applied: the hit's range is in the current text.
    private func trace(_ effect: TraceEvent.Effect, of rule: RegexRule, at hit: Hit, in document: inout Document) {
        guard document.tracksOrigins else { return }
        let range = document.originalRange(of: hit.range, in: hit.field)
        document.trace.append(TraceEvent(
            source: traceSource(of: rule), field: hit.field, range: range, matchedIn: hit.text, matchRange: hit.range, effect: effect))
    }

    private func traceSource(of rule: RegexRule) -> TraceSource {
        if let index = rules.firstIndex(where: { $0 === rule }) { return traceSources[index] }
        return TraceSource(stage: id, rule: rule.id, mark: rule.mark)
    }

    /// Records removed spans (and, with `tracing`, a strip event for each). Both share `text`, the
    /// field's value before the edit, rather than copying what was removed.
    private func record(
        _ ranges: [Range<Int>], of rule: RegexRule, field: String, text: [UInt8], tracing: Bool, in document: inout Document
    ) {
        let source = traceSource(of: rule)
        let traces = tracing && document.tracksOrigins
        for range in ranges where !range.isEmpty {
            let original = document.originalRange(of: range, in: field)
            document.removed.append(RemovedSpan(source: source, field: field, range: original, matchedIn: text, matchRange: range))
            if traces {
                document.trace.append(TraceEvent(
                    source: source, field: field, range: original, matchedIn: text, matchRange: range, effect: .strip))
            }
        }
    }
}

extension String {
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
