/// datatrove's `C4QualityFilter` with `split_paragraph=True` (datatrove 0.10.1, pipeline/filters/c4_filters.py).
///
/// Every line is examined (datatrove stops at the first line with "lorem ipsum" or a curly bracket);
/// sentences are counted with spaCy's sentencizer rule over the English tokenizer's tokens.
struct C4Quality {
    /// The lines C4 keeps (stripped), with the citations it removes from them.
    var keptLines: [C4KeptLine] = []

    static func measure(
        _ text: UnsafeBufferPointer<UInt8>, words: WordList, settings: C4Settings, tokenizer: EnglishTokenizer,
        scratch: inout TokenizerScratch, keepLines: Bool, into report: inout QualityReport
    ) -> C4Quality {
        var result = C4Quality()
        var counts = (tooLongWord: 0, noTerminalPunct: 0, tooFewWords: 0, javascript: 0, policy: 0, kept: 0)
        var sentences = 0
        var firstDocumentFailure: String?
        var lorem = false
        var curly = false
        let lines = PythonText.splitlines(text, 0..<text.count)
        var cleaned: [UInt8] = []
        // The first document word not before the current line.
        var cursor = 0
        for rawLine in lines {
            let line = PythonText.strip(text, rawLine)
            let (wordCount, longestWord) = whitespaceWords(text, line)
            if settings.maxWordLength != -1, longestWord > settings.maxWordLength {
                counts.tooLongWord += 1
                continue
            }
            // The line after citation removal: a view of the text, or `cleaned` when citations came out.
            let citations = settings.removeCitations ? citationRanges(text, line) : []
            if !citations.isEmpty {
                cleaned.removeAll(keepingCapacity: true)
                var cursor = line.lowerBound
                for citation in citations {
                    cleaned.append(contentsOf: text[cursor..<citation.lowerBound])
                    cursor = citation.upperBound
                }
                cleaned.append(contentsOf: text[cursor..<line.upperBound])
            }
            while cursor < words.count, Int(words.words[cursor].start) < line.lowerBound { cursor += 1 }
            var verdict: LineVerdict = citations.isEmpty
                ? examine(text, line, wordCount: wordCount, settings: settings)
                : cleaned.withUnsafeBufferPointer { examine($0, 0..<$0.count, wordCount: wordCount, settings: settings) }
            if case .kept = verdict, settings.minNumSentences != -1 {
                var counter = SentenceCounter(text: text)
                if citations.isEmpty {
                    // The document's tokens in this line, and spaCy's whitespace tokens between them.
                    var previousEnd = -1
                    var w = cursor
                    while w < words.count, Int(words.words[w].start) < line.upperBound {
                        let word = words.words[w]
                        if previousEnd >= 0, Int(word.start) > previousEnd, Int(word.start) - previousEnd != 1 || text[previousEnd] != 0x20 {
                            counter.space(previousEnd, Int(word.start))
                        }
                        counter.token(Int(word.start), Int(word.end))
                        previousEnd = Int(word.end)
                        w += 1
                    }
                } else {
                    cleaned.withUnsafeBufferPointer { buffer in
                        counter = SentenceCounter(text: buffer)
                        tokenizer.tokenize(buffer, 0..<buffer.count, into: &counter, scratch: &scratch)
                    }
                }
                verdict = .kept(sentences: counter.sentences)
            }
            switch verdict {
            case .noTerminalPunct: counts.noTerminalPunct += 1
            case .tooFewWords: counts.tooFewWords += 1
            case .javascript: counts.javascript += 1
            case .policy: counts.policy += 1
            case .loremIpsum:
                lorem = true
                if firstDocumentFailure == nil { firstDocumentFailure = "lorem_ipsum" }
            case .curlyBracket:
                curly = true
                if firstDocumentFailure == nil { firstDocumentFailure = "curly_bracket" }
            case .kept(let lineSentences):
                counts.kept += 1
                sentences += lineSentences
                if keepLines { result.keptLines.append(C4KeptLine(range: line, citations: citations)) }
            }
        }
        report.add("c4_lines", Double(lines.count))
        report.add("c4_lines_kept", Double(counts.kept))
        report.add("c4_lines_removed", Double(lines.count - counts.kept))
        report.add("c4_lines_too_long_word", Double(counts.tooLongWord))
        report.add("c4_lines_no_terminal_punct", Double(counts.noTerminalPunct))
        report.add("c4_lines_too_few_words", Double(counts.tooFewWords))
        report.add("c4_lines_javascript", Double(counts.javascript))
        report.add("c4_lines_policy", Double(counts.policy))
        report.add("c4_sentences", Double(sentences))
        report.add("c4_lorem_ipsum", lorem ? 1 : 0)
        report.add("c4_curly_bracket", curly ? 1 : 0)
        // The line that failed the document first comes first, as datatrove returns there.
        let loremCheck = QualityCheck(name: "lorem_ipsum", set: .c4, value: lorem ? 1 : 0, rule: .absent, applies: true)
        let curlyCheck = QualityCheck(name: "curly_bracket", set: .c4, value: curly ? 1 : 0, rule: .absent, applies: true)
        if settings.filterLoremIpsum || settings.filterCurlyBracket {
            let ordered = firstDocumentFailure == "curly_bracket" ? [curlyCheck, loremCheck] : [loremCheck, curlyCheck]
            for check in ordered where check.name == "lorem_ipsum" ? settings.filterLoremIpsum : settings.filterCurlyBracket {
                report.checks.append(check)
            }
        }
        report.check("too_few_sentences", .c4, Double(sentences), .atLeast(Double(settings.minNumSentences)))
        return result
    }

    enum LineVerdict {
        case noTerminalPunct, tooFewWords, loremIpsum, javascript, curlyBracket, policy
        case kept(sentences: Int)
    }

    /// The checks after citation removal, in datatrove's order.
    private static func examine(_ text: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, wordCount: Int, settings: C4Settings) -> LineVerdict {
        if settings.filterNoTerminalPunct {
            let last = line.isEmpty ? 0 : text[line.upperBound - 1]
            let terminal = last == 0x2E || last == 0x3F || last == 0x21 || last == 0x22 || last == 0x27
            if !terminal || PythonText.hasSuffix(text, line, "...") { return .noTerminalPunct }
        }
        if wordCount < settings.minWordsPerLine { return .tooFewWords }
        let found = Keywords.scan(text, line)
        if settings.filterLoremIpsum, found.contains(.loremIpsum) { return .loremIpsum }
        if settings.filterJavascript, found.contains(.javascript) { return .javascript }
        if settings.filterCurlyBracket, found.contains(.curlyBracket) { return .curlyBracket }
        if settings.filterPolicy, found.contains(.policy) { return .policy }
        return .kept(sentences: 0)
    }

    /// `len(line.split())` and the longest of those words in code points.
    private static func whitespaceWords(_ text: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> (count: Int, longest: Int) {
        var count = 0
        var longest = 0
        var current = 0
        var i = line.lowerBound
        while i < line.upperBound {
            let space = PythonText.spaceLength(text, i, line.upperBound)
            if space > 0 {
                if current > 0 { count += 1; longest = max(longest, current); current = 0 }
                i += space
            } else {
                if text[i] & 0xC0 != 0x80 { current += 1 }
                i += 1
            }
        }
        if current > 0 { count += 1; longest = max(longest, current) }
        return (count, longest)
    }

    /// Matches of `\[\d*]|\[edit]|\[citation needed]` in the line, left to right.
    private static func citationRanges(_ text: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var i = line.lowerBound
        while i < line.upperBound {
            guard text[i] == 0x5B else {
                i += 1
                continue
            }
            var j = i + 1
            while j < line.upperBound, text[j] >= 0x30, text[j] <= 0x39 { j += 1 }
            if j < line.upperBound, text[j] == 0x5D {
                found.append(i..<(j + 1))
                i = j + 1
            } else if PythonText.hasPrefix(text, i..<line.upperBound, "[edit]") {
                found.append(i..<(i + 6))
                i += 6
            } else if PythonText.hasPrefix(text, i..<line.upperBound, "[citation needed]") {
                found.append(i..<(i + 17))
                i += 17
            } else {
                i += 1
            }
        }
        return found
    }
}

/// spaCy's `Sentencizer`: a token that is one of its punctuation characters ends a sentence, and the
/// next token that is not punctuation starts the next one.
struct SentenceCounter: TokenSink {
    private let text: UnsafeBufferPointer<UInt8>
    private(set) var sentences = 0
    private var seenPeriod = false

    init(text: UnsafeBufferPointer<UInt8>) {
        self.text = text
    }

    mutating func token(_ start: Int, _ end: Int) {
        let text = text
        let first = text[start]
        if end - start == 1 && first < 0x80 {
            let isSentenceEnd = first == 0x2E || first == 0x21 || first == 0x3F
            observe(isSentenceEnd: isSentenceEnd, isPunct: { ScalarClass.isPunctuation(UInt32(first)) })
            return
        }
        var scalars = 0
        var firstScalar: UInt32 = 0
        var i = start
        while i < end, scalars < 2 {
            let (scalar, length) = ScalarClass.decode(text, at: i, end: end)
            if scalars == 0 { firstScalar = scalar }
            scalars += 1
            i += length
        }
        let isSentenceEnd = scalars == 1 && CharacterTables.contains(CharacterTables.sentenceEnds, firstScalar)
        observe(isSentenceEnd: isSentenceEnd, isPunct: {
            var i = start
            while i < end {
                let (scalar, length) = ScalarClass.decode(text, at: i, end: end)
                if !ScalarClass.isPunctuation(scalar) { return false }
                i += length
            }
            return true
        })
    }

    mutating func space(_ start: Int, _ end: Int) {
        observe(isSentenceEnd: false, isPunct: { false })
    }

    /// `isPunct` is asked only after a sentence end, where it matters.
    @inline(__always)
    private mutating func observe(isSentenceEnd: Bool, isPunct: () -> Bool) {
        if sentences == 0 { sentences = 1 }
        if seenPeriod && !isSentenceEnd && !isPunct() {
            sentences += 1
            seenPeriod = false
        } else if isSentenceEnd {
            seenPeriod = true
        }
    }
}

/// What C4 looks for in a line, found in one pass: "lorem ipsum", "javascript", "{" and the policy
/// phrases, case-insensitively (ASCII).
struct Keywords: OptionSet {
    let rawValue: UInt8
    static let loremIpsum = Keywords(rawValue: 1)
    static let javascript = Keywords(rawValue: 2)
    static let curlyBracket = Keywords(rawValue: 4)
    static let policy = Keywords(rawValue: 8)

    static func scan(_ text: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Keywords {
        var found: Keywords = []
        for i in line {
            switch PythonText.lower(text[i]) {
            case 0x7B: found.insert(.curlyBracket)
            case 0x6C: if has(text, i, line, "lorem ipsum") { found.insert(.loremIpsum) }
            case 0x6A: if has(text, i, line, "javascript") { found.insert(.javascript) }
            case 0x74: if has(text, i, line, "terms of use") { found.insert(.policy) }
            case 0x70: if has(text, i, line, "privacy policy") { found.insert(.policy) }
            case 0x63: if has(text, i, line, "cookie policy") { found.insert(.policy) }
            case 0x75:
                if has(text, i, line, "uses cookies") || has(text, i, line, "use of cookies") || has(text, i, line, "use cookies") {
                    found.insert(.policy)
                }
            default: break
            }
        }
        return found
    }

    @inline(__always)
    private static func has(_ text: UnsafeBufferPointer<UInt8>, _ i: Int, _ line: Range<Int>, _ needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard line.upperBound - i >= count else { return false }
        let bytes = needle.utf8Start
        for k in 1..<count where PythonText.lower(text[i + k]) != bytes[k] { return false }
        return true
    }
}
