/// datatrove's `FineWebQualityFilter` (datatrove 0.10.1, pipeline/filters/fineweb_quality_filter.py).
enum FineWebQuality {
    static func measure(
        _ text: UnsafeBufferPointer<UInt8>, words: WordList, settings: FineWebSettings,
        counter: inout HashCounter, into report: inout QualityReport
    ) {
        let range = 0..<text.count
        // lines = [line for line in text.split("\n") if line.strip() != ""]
        let lines = PythonText.split(text, range, on: 0x0A).filter { !PythonText.strip(text, $0).isEmpty }
        var punctuated = 0
        var short = 0
        for line in lines {
            if endsWithTerminalPunctuation(text, line) { punctuated += 1 }
            if PythonText.length(text, line) <= settings.shortLineLength { short += 1 }
        }
        let newlines = text.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        let lineCount = Double(lines.count)
        // With no non-blank line datatrove stops ("empty") before computing anything: no values.
        let none = lines.isEmpty
        let punctRatio = GopherQuality.ratio(Double(punctuated), lineCount)
        let shortRatio = GopherQuality.ratio(Double(short), lineCount)
        let duplicateCharacters = PythonText.duplicates(text, lines, counter: &counter).characters
        let charDupRatio = none ? .nan : GopherQuality.ratio(Double(duplicateCharacters), Double(PythonText.length(text, range) - newlines))
        let listRatio = none ? .nan : GopherQuality.ratio(Double(newlines), Double(words.count))
        report.add("fineweb_line_punct_ratio", punctRatio)
        report.add("fineweb_short_line_ratio", shortRatio)
        report.add("fineweb_char_dup_ratio", charDupRatio)
        report.add("fineweb_list_ratio", listRatio)
        if lines.isEmpty { report.check("fineweb_empty", .fineweb, 1, .absent) }
        let s = settings
        // Fails when ratio < thr, unless the ratio is 0 and line_punct_exclude_zero is set.
        let punctCheckValue = punctRatio == 0 && s.linePunctExcludeZero ? s.linePunctThr : punctRatio
        report.check("line_punct_ratio", .fineweb, punctCheckValue, .atLeast(s.linePunctThr))
        report.check("short_line_ratio", .fineweb, shortRatio, .atMost(s.shortLineThr))
        report.check("char_dup_ratio", .fineweb, charDupRatio, .atMost(s.charDuplicatesRatio))
        report.check("list_ratio", .fineweb, listRatio, .atMost(s.newLineRatio))
    }

    /// `line.endswith(tuple(TERMINAL_PUNCTUATION))`.
    private static func endsWithTerminalPunctuation(_ text: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        guard !line.isEmpty else { return false }
        var start = line.upperBound - 1
        while start > line.lowerBound, text[start] & 0xC0 == 0x80 { start -= 1 }
        let (scalar, _) = ScalarClass.decode(text, at: start, end: line.upperBound)
        return CharacterTables.contains(CharacterTables.terminalPunctuation, scalar)
    }
}
