extension QualityStage {
    static let stageKeys = [
        "stage", "id", "field", "sets", "gopher", "gopher_repetition", "c4", "fineweb", "action", "severity",
        "score", "min_score", "non_latin", "examples",
    ]
    static let gopherKeys = [
        "min_doc_words", "max_doc_words", "min_avg_word_length", "max_avg_word_length", "max_symbol_word_ratio",
        "max_bullet_lines_ratio", "max_ellipsis_lines_ratio", "max_non_alpha_words_ratio", "min_stop_words", "stop_words",
    ]
    static let repetitionKeys = ["dup_line_frac", "dup_para_frac", "dup_line_char_frac", "dup_para_char_frac", "top_n_grams", "dup_n_grams"]
    static let c4Keys = [
        "split_paragraph", "remove_citations", "filter_no_terminal_punct", "min_num_sentences", "min_words_per_line",
        "max_word_length", "filter_lorem_ipsum", "filter_javascript", "filter_curly_bracket", "filter_policy",
        "bad_words", "bad_words_list", "filter_lines",
    ]
    static let finewebKeys = [
        "line_punct_thr", "line_punct_exclude_zero", "short_line_thr", "short_line_length", "char_duplicates_ratio", "new_line_ratio",
    ]
    static let scoreKeys = ["weights", "softness", "failure_factor"]
    static let nonLatinKeys = ["min_latin_share", "skip", "skip_other_scripts", "detect_languages"]
    static let exampleKeys = ["input", "failed"]
    static let badWordFileKeys = ["description", "source", "license", "words"]
    /// The bad-words list compiled into copydesk (`Rules/quality/badwords-en.yaml`).
    static let builtinBadWords = "quality/badwords-en.yaml"

    /// Registry factory.
    @Sendable
    public static func make(_ definition: StageDefinition, context: ConfigContext) -> (any Stage)? {
        guard let mapping = ConfigMapping(definition.node, allowedKeys: stageKeys, what: "quality stage \"\(definition.id)\"", context: context) else {
            return nil
        }
        let errorsBefore = context.diagnostics.count
        var settings = QualitySettings()
        if let sets = mapping.strings("sets") {
            settings.sets = []
            for (name, mark) in sets {
                guard let set = QualitySet(rawValue: name) else {
                    context.error(unknownNameMessage("signal set", name, among: QualitySet.allCases.map(\.rawValue)), at: mark)
                    continue
                }
                if settings.sets.contains(set) { context.error("signal set \"\(name)\" is listed twice", at: mark) }
                settings.sets.append(set)
            }
        }
        if let node = mapping.value("gopher"), let gopher = ConfigMapping(node, allowedKeys: gopherKeys, what: "gopher settings", context: context) {
            decodeGopher(gopher, into: &settings.gopher, context: context)
        }
        if let node = mapping.value("gopher_repetition"),
           let repetition = ConfigMapping(node, allowedKeys: repetitionKeys, what: "gopher_repetition settings", context: context) {
            decodeRepetition(repetition, into: &settings.repetition, context: context)
        }
        var badWordsSource = builtinBadWords
        if let node = mapping.value("c4"), let c4 = ConfigMapping(node, allowedKeys: c4Keys, what: "c4 settings", context: context) {
            decodeC4(c4, into: &settings.c4, context: context)
            badWordsSource = c4.string("bad_words_list") ?? builtinBadWords
        }
        if let node = mapping.value("fineweb"), let fineweb = ConfigMapping(node, allowedKeys: finewebKeys, what: "fineweb settings", context: context) {
            decodeFineWeb(fineweb, into: &settings.fineweb, context: context)
        }
        if let node = mapping.value("score"), let score = ConfigMapping(node, allowedKeys: scoreKeys, what: "score settings", context: context) {
            decodeScore(score, into: &settings.score, context: context)
        }
        if let node = mapping.value("non_latin"), let nonLatin = ConfigMapping(node, allowedKeys: nonLatinKeys, what: "non_latin settings", context: context) {
            if let share = number(nonLatin, "min_latin_share", context: context, range: 0...1) { settings.nonLatin.minLatinShare = share }
            if let detect = nonLatin.bool("detect_languages") { settings.nonLatin.detectLanguages = detect }
            let known = checkNames(QualitySettings())
            for key in ["skip", "skip_other_scripts"] {
                guard let names = nonLatin.strings(key) else { continue }
                for (name, mark) in names where !known.contains(name) {
                    context.error(unknownNameMessage("check", name, among: known), at: mark)
                }
                if key == "skip" { settings.nonLatin.skip = names.map(\.0) } else { settings.nonLatin.skipOtherScripts = names.map(\.0) }
            }
        }
        settings.minScore = number(mapping, "min_score", context: context, range: 0...1)
        let actionName = mapping.string("action") ?? Action.flag.rawValue
        let action = Action(rawValue: actionName)
        if action == nil {
            context.error(unknownNameMessage("action", actionName, among: Action.allCases.map(\.rawValue)), at: mapping.value("action")?.mark)
        }
        let severity = mapping.string("severity") ?? "low"
        if !["low", "medium", "high"].contains(severity) {
            context.error("expected severity low, medium or high, found \"\(severity)\"", at: mapping.value("severity")?.mark)
        }
        var badWords: BadWordList?
        if settings.sets.contains(.c4), settings.c4.badWords {
            badWords = loadBadWords(badWordsSource, file: definition.file, mark: mapping.mark(of: "c4"), context: context)
        }
        let examples = decodeExamples(mapping, checks: checkNames(settings), context: context)
        let failed = context.diagnostics[errorsBefore...].contains { $0.severity == .error }
        guard !failed, let action else { return nil }
        return QualityStage(
            id: definition.id, field: mapping.string("field") ?? "text",
            analyzer: QualityAnalyzer(settings: settings, badWords: badWords), action: action, severity: severity,
            examples: examples, mark: definition.node.mark)
    }

    private static func decodeGopher(_ m: ConfigMapping, into s: inout GopherSettings, context: ConfigContext) {
        if let v = threshold(m, "min_doc_words", context: context) { s.minDocWords = v }
        if let v = threshold(m, "max_doc_words", context: context) { s.maxDocWords = v }
        if let v = threshold(m, "min_avg_word_length", context: context) { s.minAvgWordLength = v }
        if let v = threshold(m, "max_avg_word_length", context: context) { s.maxAvgWordLength = v }
        if let v = threshold(m, "max_symbol_word_ratio", context: context) { s.maxSymbolWordRatio = v }
        if let v = threshold(m, "max_bullet_lines_ratio", context: context) { s.maxBulletLinesRatio = v }
        if let v = threshold(m, "max_ellipsis_lines_ratio", context: context) { s.maxEllipsisLinesRatio = v }
        if let v = threshold(m, "max_non_alpha_words_ratio", context: context) { s.maxNonAlphaWordsRatio = v }
        if let v = threshold(m, "min_stop_words", context: context) { s.minStopWords = v }
        if let words = m.strings("stop_words") { s.stopWords = words.map(\.0) }
    }

    private static func decodeRepetition(_ m: ConfigMapping, into s: inout GopherRepetitionSettings, context: ConfigContext) {
        if let v = threshold(m, "dup_line_frac", context: context) { s.dupLineFrac = v }
        if let v = threshold(m, "dup_para_frac", context: context) { s.dupParaFrac = v }
        if let v = threshold(m, "dup_line_char_frac", context: context) { s.dupLineCharFrac = v }
        if let v = threshold(m, "dup_para_char_frac", context: context) { s.dupParaCharFrac = v }
        if let v = nGrams(m, "top_n_grams", context: context) { s.topNGrams = v }
        if let v = nGrams(m, "dup_n_grams", context: context) { s.dupNGrams = v }
    }

    private static func decodeC4(_ m: ConfigMapping, into s: inout C4Settings, context: ConfigContext) {
        if m.bool("split_paragraph") == false {
            context.error("split_paragraph: false (sentence mode) is not supported; C4 runs on lines", at: m.value("split_paragraph")?.mark)
        }
        if let v = m.bool("remove_citations") { s.removeCitations = v }
        if let v = m.bool("filter_no_terminal_punct") { s.filterNoTerminalPunct = v }
        if let v = m.int("min_num_sentences", range: -1...1_000_000) { s.minNumSentences = v }
        if let v = m.int("min_words_per_line", range: -1...1_000_000) { s.minWordsPerLine = v }
        if let v = m.int("max_word_length", range: -1...1_000_000_000) { s.maxWordLength = v }
        if let v = m.bool("filter_lorem_ipsum") { s.filterLoremIpsum = v }
        if let v = m.bool("filter_javascript") { s.filterJavascript = v }
        if let v = m.bool("filter_curly_bracket") { s.filterCurlyBracket = v }
        if let v = m.bool("filter_policy") { s.filterPolicy = v }
        if let v = m.bool("bad_words") { s.badWords = v }
        if let v = m.bool("filter_lines") { s.filterLines = v }
    }

    private static func decodeFineWeb(_ m: ConfigMapping, into s: inout FineWebSettings, context: ConfigContext) {
        if let v = number(m, "line_punct_thr", context: context) { s.linePunctThr = v }
        if let v = m.bool("line_punct_exclude_zero") { s.linePunctExcludeZero = v }
        if let v = number(m, "short_line_thr", context: context) { s.shortLineThr = v }
        if let v = m.int("short_line_length", range: 0...1_000_000) { s.shortLineLength = v }
        if let v = number(m, "char_duplicates_ratio", context: context) { s.charDuplicatesRatio = v }
        if let v = number(m, "new_line_ratio", context: context) { s.newLineRatio = v }
    }

    private static func decodeScore(_ m: ConfigMapping, into s: inout QualityScoreSettings, context: ConfigContext) {
        if let v = number(m, "softness", context: context), v > 0 { s.softness = v }
        if m.value("softness")?.double.map({ $0 <= 0 }) == true {
            context.error("expected \"softness\" above 0", at: m.value("softness")?.mark)
        }
        if let v = number(m, "failure_factor", context: context, range: 0...1) { s.failureFactor = v }
        guard let node = m.value("weights"),
              let weights = ConfigMapping(node, allowedKeys: QualitySet.allCases.map(\.rawValue), what: "score weights", context: context) else { return }
        for set in QualitySet.allCases {
            if let v = number(weights, set.rawValue, context: context, range: 0...1_000_000) { s.weights[set] = v }
        }
    }

    /// A threshold: a number, or `false` to turn the check off (as datatrove's `None`).
    private static func threshold(_ m: ConfigMapping, _ key: String, context: ConfigContext) -> Double? {
        if m.value(key)?.bool == false { return 0 }
        return number(m, key, context: context)
    }

    static func number(_ m: ConfigMapping, _ key: String, context: ConfigContext, range: ClosedRange<Double>? = nil) -> Double? {
        guard let node = m.value(key), !node.isNull else { return nil }
        guard let value = node.double, node.scalar != nil else {
            context.error("expected a number for \"\(key)\", found \(node.kindDescription)", at: node.mark)
            return nil
        }
        if let range, !range.contains(value) {
            context.error("expected \"\(key)\" between \(range.lowerBound) and \(range.upperBound), found \(value)", at: node.mark)
            return nil
        }
        return value
    }

    /// `{2: 0.2, 3: 0.18}`: n-gram size to threshold.
    private static func nGrams(_ m: ConfigMapping, _ key: String, context: ConfigContext) -> [NGramThreshold]? {
        guard let node = m.value(key) else { return nil }
        guard let pairs = node.mapping else {
            context.error("expected a mapping of n-gram size to threshold for \"\(key)\", found \(node.kindDescription)", at: node.mark)
            return nil
        }
        var result: [NGramThreshold] = []
        for pair in pairs {
            guard let n = pair.key.int, (1...100).contains(n) else {
                context.error("expected an n-gram size from 1 to 100, found \(pair.key.kindDescription)", at: pair.key.mark)
                continue
            }
            guard let threshold = pair.value.double, pair.value.scalar != nil else {
                context.error("expected a number for n = \(n), found \(pair.value.kindDescription)", at: pair.value.mark)
                continue
            }
            result.append(NGramThreshold(n: n, threshold: threshold))
        }
        return result
    }

    /// The `examples:` entries; a `failed:` name that is not one of `checks` (what the stage can
    /// report) is an error at that name, as such an example could never pass.
    private static func decodeExamples(_ mapping: ConfigMapping, checks: [String], context: ConfigContext) -> [QualityExample] {
        (mapping.list("examples") ?? []).compactMap { node in
            guard let example = ConfigMapping(node, allowedKeys: exampleKeys, what: "quality example", context: context),
                  let input = example.string("input", required: true) else { return nil }
            guard let failed = example.strings("failed", required: true) else { return nil }
            for (name, mark) in failed where !checks.contains(name) {
                context.error(unknownNameMessage("check", name, among: checks), at: mark)
            }
            return QualityExample(input: input, failed: failed.map(\.0), mark: node.mark)
        }
    }

    /// Reads a bad-words file (`words:` list); `quality/badwords-en.yaml` is the built-in one.
    private static func loadBadWords(_ source: String, file: String, mark: SourceMark, context: ConfigContext) -> BadWordList? {
        let root: YAMLNode?
        if source == builtinBadWords, !context.fileSystem.exists(ConfigPath.join(ConfigPath.directory(of: file), source)) {
            let path = EmbeddedRules.root + "/" + source
            do {
                root = try YAMLParser.parse(bytes: try EmbeddedRules.fileSystem.read(path), file: path)
            } catch {
                context.error("cannot load the built-in bad-words list: \(error)", at: mark)
                return nil
            }
        } else {
            root = context.loadYAML(ConfigPath.join(ConfigPath.directory(of: file), source), requestedAt: mark)
        }
        guard let root, let list = ConfigMapping(root, allowedKeys: badWordFileKeys, what: "bad-words file \(source)", context: context),
              let words = list.strings("words", required: true) else { return nil }
        return BadWordList(words.map(\.0))
    }
}
