/// The signal sets of the quality stage, named as in the config.
public enum QualitySet: String, Sendable, CaseIterable {
    case gopher
    case gopherRepetition = "gopher_repetition"
    case c4
    case fineweb
}

/// Thresholds of datatrove's `GopherQualityFilter`, with its parameter names and defaults.
/// A threshold of 0 turns its check off, as in datatrove (which tests them for truthiness).
public struct GopherSettings: Sendable, Equatable {
    public var minDocWords: Double = 50
    public var maxDocWords: Double = 100_000
    public var minAvgWordLength: Double = 3
    public var maxAvgWordLength: Double = 10
    public var maxSymbolWordRatio: Double = 0.1
    public var maxBulletLinesRatio: Double = 0.9
    public var maxEllipsisLinesRatio: Double = 0.3
    public var maxNonAlphaWordsRatio: Double = 0.8
    public var minStopWords: Double = 2
    public var stopWords: [String] = ["the", "be", "to", "of", "and", "that", "have", "with"]

    public init() {}
}

/// Thresholds of datatrove's `GopherRepetitionFilter`.
public struct GopherRepetitionSettings: Sendable, Equatable {
    public var dupLineFrac: Double = 0.3
    public var dupParaFrac: Double = 0.3
    public var dupLineCharFrac: Double = 0.2
    public var dupParaCharFrac: Double = 0.2
    /// (n, threshold) for the top n-gram character fraction.
    public var topNGrams: [NGramThreshold] = [.init(n: 2, threshold: 0.2), .init(n: 3, threshold: 0.18), .init(n: 4, threshold: 0.16)]
    /// (n, threshold) for the duplicated n-gram character fraction.
    public var dupNGrams: [NGramThreshold] = [
        .init(n: 5, threshold: 0.15), .init(n: 6, threshold: 0.14), .init(n: 7, threshold: 0.13),
        .init(n: 8, threshold: 0.12), .init(n: 9, threshold: 0.11), .init(n: 10, threshold: 0.10),
    ]

    public init() {}
}

/// One n-gram size and its threshold.
public struct NGramThreshold: Sendable, Equatable {
    public var n: Int
    public var threshold: Double

    public init(n: Int, threshold: Double) {
        self.n = n
        self.threshold = threshold
    }
}

/// Settings of datatrove's `C4QualityFilter` (with `split_paragraph=True`) and `C4BadWordsFilter`.
public struct C4Settings: Sendable, Equatable {
    public var removeCitations = true
    public var filterNoTerminalPunct = true
    /// -1 turns the check off.
    public var minNumSentences = 5
    /// -1 turns the check off.
    public var minWordsPerLine = 3
    /// -1 turns the check off.
    public var maxWordLength = 1000
    public var filterLoremIpsum = true
    public var filterJavascript = true
    public var filterCurlyBracket = true
    public var filterPolicy = true
    /// Whether to run the bad-words check (datatrove runs it as a separate filter).
    public var badWords = true
    /// Replace the text by the lines C4 keeps, when the document passes C4 (datatrove's side effect).
    public var filterLines = false

    public init() {}
}

/// Thresholds of datatrove's `FineWebQualityFilter`.
public struct FineWebSettings: Sendable, Equatable {
    public var linePunctThr = 0.12
    public var linePunctExcludeZero = false
    public var shortLineThr = 0.67
    public var shortLineLength = 30
    public var charDuplicatesRatio = 0.01
    public var newLineRatio = 0.3

    public init() {}
}

/// How the score combines the checks (see `QualityScore`).
public struct QualityScoreSettings: Sendable, Equatable {
    /// Weight of each set in the weighted mean.
    public var weights: [QualitySet: Double] = [.gopher: 1, .gopherRepetition: 1, .c4: 1, .fineweb: 1]
    /// A check's margin reaches 1 at this fraction of its threshold away from it on the passing side.
    public var softness = 0.5
    /// A set's score is multiplied by this for each of its checks that failed.
    public var failureFactor = 0.5

    public init() {}
}

/// What the stage does for text whose letters are mostly not Latin.
public struct NonLatinSettings: Sendable, Equatable {
    /// Text with less than this share of Latin letters among its letters counts as non-Latin.
    public var minLatinShare = 0.5
    /// Checks skipped for non-Latin text (they assume English).
    public var skip: [String] = ["gopher_enough_stop_words", "gopher_below_alpha_threshold", "document_removed_with_badwords"]
    /// Checks skipped, besides `skip`, only for text whose script is not Latin: they count sentences
    /// that end in '.', '?' or '!' (not "।" or "。") or words between spaces (none in Chinese or Japanese).
    public var skipOtherScripts: [String] = [
        "too_few_sentences", "gopher_short_doc", "gopher_long_doc", "gopher_below_avg_threshold", "gopher_above_avg_threshold",
        "top_2_gram", "top_3_gram", "top_4_gram", "list_ratio",
    ]
    /// Whether Latin-script text whose function words are German, French, Spanish, Portuguese, Italian
    /// or Dutch skips the same checks.
    public var detectLanguages = true

    public init() {}
}

/// Everything the quality analysis needs.
public struct QualitySettings: Sendable {
    public var sets: [QualitySet] = QualitySet.allCases
    public var gopher = GopherSettings()
    public var repetition = GopherRepetitionSettings()
    public var c4 = C4Settings()
    public var fineweb = FineWebSettings()
    public var score = QualityScoreSettings()
    public var nonLatin = NonLatinSettings()
    /// A score below this fails the document too (check `low_score`); nil for no minimum.
    public var minScore: Double?

    public init() {}
}
