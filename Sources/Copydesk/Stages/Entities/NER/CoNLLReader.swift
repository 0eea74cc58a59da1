import Foundation

/// Reads CoNLL-2003 style files: `TOKEN [COLUMNS...] TAG` per line, blank lines between
/// sentences, `-DOCSTART-` lines between documents. Tags may be IOB1 or IOB2; only the
/// first and last columns are used.
public enum CoNLLReader {
    /// Reads and parses the file at `path`.
    public static func read(path: String) throws(CoNLLError) -> [CoNLLDocument] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(path: path, reason: "not valid UTF-8")
        }
        return try parse(text, path: path)
    }

    /// Parses CoNLL text; `path` is only used in errors.
    public static func parse(_ text: String, path: String = "<text>") throws(CoNLLError) -> [CoNLLDocument] {
        var documents: [CoNLLDocument] = []
        var document = CoNLLDocument()
        var sentenceTags: [(tag: Substring, line: Int)] = []

        func finishSentence() throws(CoNLLError) {
            guard !sentenceTags.isEmpty else { return }
            let start = document.tokens.count - sentenceTags.count
            document.sentenceStarts.append(start)
            try appendEntities(sentenceTags, offset: start, to: &document.entities, path: path)
            sentenceTags.removeAll(keepingCapacity: true)
        }
        func finishDocument() throws(CoNLLError) {
            try finishSentence()
            if !document.tokens.isEmpty { documents.append(document) }
            document = CoNLLDocument()
        }

        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if fields.isEmpty {
                try finishSentence()
                continue
            }
            if fields[0] == "-DOCSTART-" {
                try finishDocument()
                continue
            }
            guard fields.count >= 2 else { throw .malformedLine(path: path, line: lineNumber, text: String(line)) }
            document.tokens.append(String(fields[0]))
            sentenceTags.append((fields[fields.count - 1], lineNumber))
        }
        try finishDocument()
        return documents
    }

    /// Converts one sentence's IOB1/IOB2 tags to spans: `B-X` always starts an entity,
    /// `I-X` continues an open X entity or starts one.
    private static func appendEntities(
        _ tags: [(tag: Substring, line: Int)], offset: Int, to entities: inout [TokenSpan], path: String
    ) throws(CoNLLError) {
        var openStart = -1
        var openLabel = EntityLabel.person
        for (index, item) in tags.enumerated() {
            if item.tag == "O" {
                if openStart >= 0 { entities.append(TokenSpan(start: offset + openStart, end: offset + index, label: openLabel)) }
                openStart = -1
                continue
            }
            let parts = item.tag.split(separator: "-", maxSplits: 1)
            guard parts.count == 2, parts[0] == "B" || parts[0] == "I", let label = EntityLabel(name: parts[1]) else {
                throw .unknownTag(path: path, line: item.line, tag: String(item.tag))
            }
            if parts[0] == "I" && openStart >= 0 && openLabel == label { continue }
            if openStart >= 0 { entities.append(TokenSpan(start: offset + openStart, end: offset + index, label: openLabel)) }
            openStart = index
            openLabel = label
        }
        if openStart >= 0 { entities.append(TokenSpan(start: offset + openStart, end: offset + tags.count, label: openLabel)) }
    }
}
