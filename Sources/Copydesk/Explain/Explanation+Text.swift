extension Explanation {
    /// For people: a header, then each stage with the rules that fired, what it added and a diff
    /// of the text field, then the decision and its reason. Ends with a newline.
    ///
    /// - Parameters:
    ///   - color: colour the diff with ANSI escapes (removed lines red, added lines green).
    ///   - textLimit: the most characters of matched text shown on a rule's line; the diff shows it all.
    public func text(color: Bool, textLimit: Int = 100) -> String {
        var out = header + "\n\n"
        for step in steps {
            out += describe(step, color: color, textLimit: textLimit)
        }
        out += "\ndecision: \(decision.rawValue)\n"
        if let reason { out += "reason: \(reason)\n" }
        return out
    }

    private var header: String {
        if input.format == .text { return "document \(input.inputName) (plain text)" }
        var line = "document \(input.inputName):\(input.document.line)"
        if let id = input.id { line += ", id \(YAMLNode.quoted(id, limit: 80))" }
        return line
    }

    private func describe(_ step: Step, color: Bool, textLimit: Int) -> String {
        let title = "stage \(step.stage) (\(step.kind))"
        guard step.ran else { return title + ": not run, the document was dropped\n" }
        guard step.changedAnything else { return title + ": no change\n" }
        var out = title + "\n"
        for firing in step.firings {
            out += "  " + describe(firing, textLimit: textLimit) + "\n"
        }
        if !step.addedMeta.isEmpty { out += "  added meta: \(Self.list(step.addedMeta))\n" }
        if !step.addedTags.isEmpty { out += "  added tags: \(step.addedTags.joined(separator: ", "))\n" }
        if !step.addedEntities.isEmpty {
            out += "  entities: " + step.addedEntities.map { "\($0.text) (\($0.label), \($0.source))" }.joined(separator: "; ") + "\n"
        }
        for flag in step.addedFlags {
            out += "  added flag: \(flag.category) (\(flag.severity)) from rule \(flag.rule)\n"
        }
        for error in step.errors {
            out += "  error: " + (error.rule.map { "rule \($0): " } ?? "") + error.message + "\n"
        }
        if step.decisionBefore != step.decisionAfter {
            out += "  decision: \(step.decisionBefore.rawValue) -> \(step.decisionAfter.rawValue)\n"
        }
        if step.diff.hasChanges {
            out += "  diff of \(textField):\n"
            for hunk in step.diff.hunks() {
                out += "    " + Self.paint(hunk.header, Self.cyan, color) + "\n"
                for line in hunk.lines {
                    let code = switch line {
                    case .same: ""
                    case .removed: Self.red
                    case .added: Self.green
                    }
                    out += "    " + Self.paint(line.unified, code, color) + "\n"
                }
            }
        }
        return out
    }

    /// `rule junk (rules.yaml:4): strip text[2..<7] " JUNK"`, and what the action did.
    private func describe(_ firing: Firing, textLimit: Int) -> String {
        let event = firing.event
        var who = event.rule.map { "rule \($0)" } ?? event.action
        if let mark = event.mark { who += " (\(mark.file):\(mark.line))" }
        let span = "\(event.field)[\(firing.span.lowerBound)..<\(firing.span.upperBound)]"
        let matched = Self.quoted(event.text, limit: textLimit)
        switch event.effect {
        case .strip:
            return "\(who): strip \(span) \(matched)"
        case .replace(let replacement):
            return "\(who): replace \(span) \(matched) with \(Self.quoted(replacement, limit: textLimit))"
        case .extract(let meta, let stripped):
            let set = meta.isEmpty ? "no new meta (the keys were already set)" : Self.list(meta)
            return "\(who): extract \(span) \(matched) -> \(set)" + (stripped ? ", stripped" : "")
        case .tag(let tags):
            return "\(who): tag \(span) \(matched) -> tags \(tags.joined(separator: ", "))"
        case .flag(let category, let severity):
            return "\(who): flag \(span) \(matched) -> \(category) (\(severity))"
        case .drop(let reason):
            return "\(who): drop \(span) \(matched) -> reason \(YAMLNode.quoted(reason, limit: .max))"
        case .whitespace(let edits):
            return "\(who): \(edits) edit\(edits == 1 ? "" : "s") in \(span)"
        case .other(let action):
            return "\(who): \(action) \(span) \(matched)"
        }
    }

    private static func list(_ meta: Meta) -> String {
        meta.entries.map { "\($0.key)=\(YAMLNode.quoted($0.value, limit: 80))" }.joined(separator: ", ")
    }

    private static func quoted(_ bytes: [UInt8], limit: Int) -> String {
        YAMLNode.quoted(String(decoding: bytes, as: UTF8.self), limit: limit)
    }

    private static let red = "\u{1B}[31m"
    private static let green = "\u{1B}[32m"
    private static let cyan = "\u{1B}[36m"
    private static let reset = "\u{1B}[0m"

    private static func paint(_ text: String, _ code: String, _ color: Bool) -> String {
        color && !code.isEmpty ? code + text + reset : text
    }
}
