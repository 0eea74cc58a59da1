/// Computes the signals, checks and score of one text: the quality stage without the document.
public struct QualityAnalyzer: Sendable {
    public let settings: QualitySettings
    public let badWords: BadWordList?
    let tokenizer: EnglishTokenizer
    private let stopWords: StopWords

    public init(settings: QualitySettings = QualitySettings(), badWords: BadWordList? = nil) {
        self.settings = settings
        self.badWords = badWords
        self.tokenizer = .english
        self.stopWords = StopWords(settings.gopher.stopWords)
    }

    /// The analysis of `text`, and the lines C4 keeps when `keepC4Lines` (nil if C4 did not run).
    public func analyze(_ text: UnsafeBufferPointer<UInt8>, keepC4Lines: Bool = false) -> (report: QualityReport, c4Lines: [C4KeptLine]?) {
        var report = QualityReport()
        let sets = settings.sets
        var scratch = TokenizerScratch()
        var counter = HashCounter(expected: 64)
        // One tokenizing pass serves every set (C4 counts sentences over the same tokens).
        var words = WordList(text: text, stopWords: stopWords, capacity: text.count / 5 + 8)
        tokenizer.tokenize(text, 0..<text.count, into: &words, scratch: &scratch)
        report.script = words.latinShare < settings.nonLatin.minLatinShare ? "other" : "latin"
        var c4Lines: [C4KeptLine]?
        for set in QualitySet.allCases where sets.contains(set) {
            switch set {
            case .gopher:
                GopherQuality.measure(text, words: words, settings: settings.gopher, into: &report)
            case .gopherRepetition:
                GopherRepetition.measure(text, words: words, settings: settings.repetition, counter: &counter, into: &report)
            case .c4:
                let c4 = C4Quality.measure(text, words: words, settings: settings.c4, tokenizer: tokenizer, scratch: &scratch, keepLines: keepC4Lines, into: &report)
                if settings.c4.badWords, let badWords {
                    let found = badWords.firstMatch(in: text) != nil
                    report.add("c4_bad_words", found ? 1 : 0)
                    report.check("document_removed_with_badwords", .c4, found ? 1 : 0, .absent)
                }
                if keepC4Lines { c4Lines = c4.keptLines }
            case .fineweb:
                FineWebQuality.measure(text, words: words, settings: settings.fineweb, counter: &counter, into: &report)
            }
        }
        // English-only checks do not apply to non-Latin text, nor to Latin-script text in another
        // language (guessed only when such a check failed, so English text pays nothing for it).
        let skip = settings.nonLatin.skip
        var skipEnglishChecks = report.script == "other"
        if !skipEnglishChecks, settings.nonLatin.detectLanguages,
           report.checks.contains(where: { !$0.passed && skip.contains($0.name) }),
           let language = LanguageGuess.nonEnglishLanguage(text, words: words) {
            report.language = language
            skipEnglishChecks = true
        }
        if skipEnglishChecks {
            let scriptSkip = report.script == "other" ? settings.nonLatin.skipOtherScripts : []
            for index in report.checks.indices where skip.contains(report.checks[index].name) || scriptSkip.contains(report.checks[index].name) {
                report.checks[index].applies = false
            }
        }
        report.score = QualityScore.score(report.checks, settings: settings.score)
        report.failed = report.checks.filter { !$0.passed }.map(\.name)
        if let minScore = settings.minScore, report.score < minScore { report.failed.append("low_score") }
        return (report, c4Lines)
    }

    /// Convenience for tests and library users: the analysis of a string.
    public func analyze(_ text: String) -> QualityReport {
        Array(text.utf8).withUnsafeBufferPointer { analyze($0).report }
    }
}
