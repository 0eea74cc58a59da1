/// datatrove's `GopherRepetitionFilter` (datatrove 0.10.1, pipeline/filters/gopher_repetition_filter.py).
///
/// Lines, paragraphs and n-grams are compared by 64-bit hashes, never by building strings: a word
/// n-gram joined with spaces is equal exactly when its words are, so it is keyed by its words'
/// hashes; datatrove joins the n-grams of `find_all_duplicate` without a separator, so those are
/// keyed by a polynomial hash of the concatenated bytes.
enum GopherRepetition {
    static func measure(
        _ text: UnsafeBufferPointer<UInt8>, words: WordList, settings: GopherRepetitionSettings,
        counter: inout HashCounter, into report: inout QualityReport
    ) {
        let range = 0..<text.count
        let length = Double(PythonText.length(text, range))
        // paragraphs = re.split(r"\n{2,}", text.strip())
        let stripped = PythonText.strip(text, range)
        var paragraphs: [Range<Int>] = []
        var start = stripped.lowerBound
        var i = stripped.lowerBound
        while i < stripped.upperBound {
            if text[i] == 0x0A, i + 1 < stripped.upperBound, text[i + 1] == 0x0A {
                paragraphs.append(start..<i)
                while i < stripped.upperBound, text[i] == 0x0A { i += 1 }
                start = i
            } else {
                i += 1
            }
        }
        paragraphs.append(start..<stripped.upperBound)
        let paragraphDuplicates = PythonText.duplicates(text, paragraphs, counter: &counter)
        // lines = re.split("\n+", text)
        var lines: [Range<Int>] = []
        start = 0
        i = 0
        while i < text.count {
            if text[i] == 0x0A {
                lines.append(start..<i)
                while i < text.count, text[i] == 0x0A { i += 1 }
                start = i
            } else {
                i += 1
            }
        }
        lines.append(start..<text.count)
        let lineDuplicates = PythonText.duplicates(text, lines, counter: &counter)

        let values = (
            paraFrac: GopherQuality.ratio(Double(paragraphDuplicates.elements), Double(paragraphs.count)),
            paraChar: GopherQuality.ratio(Double(paragraphDuplicates.characters), length),
            lineFrac: GopherQuality.ratio(Double(lineDuplicates.elements), Double(lines.count)),
            lineChar: GopherQuality.ratio(Double(lineDuplicates.characters), length)
        )
        report.add("gopher_rep_dup_para_frac", values.paraFrac)
        report.add("gopher_rep_dup_para_char_frac", values.paraChar)
        report.add("gopher_rep_dup_line_frac", values.lineFrac)
        report.add("gopher_rep_dup_line_char_frac", values.lineChar)
        if text.isEmpty { report.check("gopher_rep_empty", .gopherRepetition, 1, .absent) }
        let s = settings
        if s.dupParaFrac != 0 { report.check("dup_para_frac", .gopherRepetition, values.paraFrac, .atMost(s.dupParaFrac)) }
        if s.dupParaCharFrac != 0 { report.check("dup_para_char_frac", .gopherRepetition, values.paraChar, .atMost(s.dupParaCharFrac)) }
        if s.dupLineFrac != 0 { report.check("dup_line_frac", .gopherRepetition, values.lineFrac, .atMost(s.dupLineFrac)) }
        if s.dupLineCharFrac != 0 { report.check("dup_line_char_frac", .gopherRepetition, values.lineChar, .atMost(s.dupLineCharFrac)) }

        // Prefix sums of word lengths, for the length of any run of words.
        var lengthBefore = [Int](repeating: 0, count: words.count + 1)
        for w in 0..<words.count { lengthBefore[w + 1] = lengthBefore[w] + Int(words.lengths[w]) }

        for item in s.topNGrams {
            let value = GopherQuality.ratio(Double(topNGramCharacters(words, n: item.n, lengthBefore: lengthBefore, counter: &counter)), length)
            report.add("gopher_rep_top_\(item.n)_gram", value)
            // datatrove skips the check when there are no n-grams.
            if words.count >= item.n, item.n > 0 { report.check("top_\(item.n)_gram", .gopherRepetition, value, .atMost(item.threshold)) }
        }
        for item in s.dupNGrams {
            let value = GopherQuality.ratio(Double(duplicateNGramCharacters(words, n: item.n, lengthBefore: lengthBefore, counter: &counter)), length)
            report.add("gopher_rep_dup_\(item.n)_gram", value)
            if item.n > 0 { report.check("duplicated_\(item.n)_n_grams", .gopherRepetition, value, .atMost(item.threshold)) }
        }
    }

    /// `find_top_duplicate(get_n_grams(words, n))`: length of the most common n-gram (joined with
    /// spaces) times its count.
    static func topNGramCharacters(_ words: WordList, n: Int, lengthBefore: [Int], counter: inout HashCounter) -> Int {
        guard n > 0, words.count >= n else { return 0 }
        let windows = words.count - n + 1
        counter.reset(expected: windows)
        for start in 0..<windows {
            counter.add(windowKey(words, start, n), position: start)
        }
        guard let top = counter.mostCommon() else { return 0 }
        let characters = lengthBefore[top.position + n] - lengthBefore[top.position] + n - 1
        return characters * top.count
    }

    /// `find_all_duplicate(words, n)`: walks the n-grams, jumping n words past each repeat, and adds
    /// up the repeats' lengths (joined without a separator).
    static func duplicateNGramCharacters(_ words: WordList, n: Int, lengthBefore: [Int], counter: inout HashCounter) -> Int {
        guard n > 0, words.count >= n else { return 0 }
        counter.reset(expected: words.count - n + 1)
        var repeated = 0
        var index = 0
        while index < words.count - n + 1 {
            if counter.add(concatenationKey(words, index, n), position: index) > 1 {
                repeated += lengthBefore[index + n] - lengthBefore[index]
                index += n
            } else {
                index += 1
            }
        }
        return repeated
    }

    @inline(__always)
    private static func windowKey(_ words: WordList, _ start: Int, _ n: Int) -> UInt64 {
        var key: UInt64 = UInt64(n)
        for w in start..<(start + n) {
            key = (key ^ words.hashes[w]) &* 0x100_0000_01b3 &+ 0x9E37_79B9_7F4A_7C15
            key ^= key >> 32
        }
        return key
    }

    @inline(__always)
    private static func concatenationKey(_ words: WordList, _ start: Int, _ n: Int) -> UInt64 {
        var hash: UInt64 = 0
        var bytes = 0
        for w in start..<(start + n) {
            hash = hash &* words.powers[w] &+ words.polynomials[w]
            bytes += Int(words.ends[w] - words.starts[w])
        }
        return hash ^ (UInt64(bytes) &* 0xD6E8_FEB8_6659_FD93)
    }
}
