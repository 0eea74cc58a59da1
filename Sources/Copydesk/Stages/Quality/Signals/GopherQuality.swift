/// datatrove's `GopherQualityFilter` (datatrove 0.10.1, pipeline/filters/gopher_quality_filter.py).
enum GopherQuality {
    static func measure(
        _ text: UnsafeBufferPointer<UInt8>, words: WordList, settings: GopherSettings, into report: inout QualityReport
    ) {
        let range = 0..<text.count
        let nWords = Double(words.count)
        let nonSymbol = Double(words.nonSymbolWords)
        // np.mean of the non-symbol words' lengths (nan for none).
        let averageLength = words.nonSymbolWords > 0 ? Double(words.nonSymbolLength) / nonSymbol : .nan
        let hashes = Double(PythonText.count(text, range, "#"))
        let ellipses = Double(PythonText.count(text, range, "...") + PythonText.count(text, range, "…"))
        var bullets = 0
        var endEllipses = 0
        let lines = PythonText.splitlines(text, range)
        for line in lines {
            let left = PythonText.lstrip(text, line)
            if PythonText.hasPrefix(text, left, "•") || PythonText.hasPrefix(text, left, "-") { bullets += 1 }
            let right = PythonText.rstrip(text, line)
            if PythonText.hasSuffix(text, right, "...") || PythonText.hasSuffix(text, right, "…") { endEllipses += 1 }
        }
        let lineCount = Double(lines.count)
        let hashRatio = ratio(hashes, nWords)
        let ellipsisRatio = ratio(ellipses, nWords)
        let bulletRatio = ratio(Double(bullets), lineCount)
        let endEllipsisRatio = ratio(Double(endEllipses), lineCount)
        let alphaRatio = ratio(Double(words.alphaWords), nWords)
        let stopWords = Double(words.distinctStopWords)

        report.add("gopher_n_words", nonSymbol)
        report.add("gopher_avg_word_length", averageLength)
        report.add("gopher_hash_to_word_ratio", hashRatio)
        report.add("gopher_ellipsis_to_word_ratio", ellipsisRatio)
        report.add("gopher_bullet_lines_ratio", bulletRatio)
        report.add("gopher_end_ellipsis_ratio", endEllipsisRatio)
        report.add("gopher_alpha_words_ratio", alphaRatio)
        report.add("gopher_stop_words", stopWords)

        let s = settings
        if s.minDocWords != 0 { report.check("gopher_short_doc", .gopher, nonSymbol, .atLeast(s.minDocWords)) }
        if s.maxDocWords != 0 { report.check("gopher_long_doc", .gopher, nonSymbol, .atMost(s.maxDocWords)) }
        if s.minAvgWordLength != 0 { report.check("gopher_below_avg_threshold", .gopher, averageLength, .atLeast(s.minAvgWordLength)) }
        if s.maxAvgWordLength != 0 { report.check("gopher_above_avg_threshold", .gopher, averageLength, .atMost(s.maxAvgWordLength)) }
        if s.maxSymbolWordRatio != 0 {
            report.check("gopher_too_many_hashes", .gopher, hashRatio, .atMost(s.maxSymbolWordRatio))
            report.check("gopher_too_many_ellipsis", .gopher, ellipsisRatio, .atMost(s.maxSymbolWordRatio))
        }
        if s.maxBulletLinesRatio != 0 { report.check("gopher_too_many_bullets", .gopher, bulletRatio, .atMost(s.maxBulletLinesRatio)) }
        if s.maxEllipsisLinesRatio != 0 {
            report.check("gopher_too_many_end_ellipsis", .gopher, endEllipsisRatio, .atMost(s.maxEllipsisLinesRatio))
        }
        if s.maxNonAlphaWordsRatio != 0 {
            report.check("gopher_below_alpha_threshold", .gopher, alphaRatio, .atLeast(s.maxNonAlphaWordsRatio))
        }
        if s.minStopWords != 0 { report.check("gopher_enough_stop_words", .gopher, stopWords, .atLeast(s.minStopWords)) }
    }

    /// a / b, or NaN (`null` in the output) when b is 0: where datatrove would divide by zero, it has
    /// no value (and has already failed the document on another check).
    @inline(__always)
    static func ratio(_ a: Double, _ b: Double) -> Double {
        b == 0 ? .nan : a / b
    }
}
