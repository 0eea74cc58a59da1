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
        let paragraphs = PythonText.split(text, PythonText.strip(text, range), onNewlineRunsOf: 2)
        let paragraphDuplicates = PythonText.duplicates(text, paragraphs, counter: &counter)
        // lines = re.split("\n+", text)
        let lines = PythonText.split(text, range, onNewlineRunsOf: 1)
        let lineDuplicates = PythonText.duplicates(text, lines, counter: &counter)

        // datatrove stops at an empty text before computing anything: no values.
        let none = text.isEmpty
        let values = none ? (paraFrac: Double.nan, paraChar: Double.nan, lineFrac: Double.nan, lineChar: Double.nan) : (
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

        // Prefix sums over the words: lengths, a polynomial over word hashes (n-grams joined with
        // spaces are equal exactly when their words are), and the polynomial hash of the words'
        // concatenated bytes with the running power and its inverse (n-grams joined without spaces).
        let count = words.count
        var prefix = Prefixes(count: count)
        for (w, word) in words.words.enumerated() {
            prefix.length[w + 1] = prefix.length[w] + Int(word.length)
            prefix.sequence[w + 1] = prefix.sequence[w] &* Prefixes.multiplier &+ word.hash
            prefix.concatenation[w + 1] = prefix.concatenation[w] &* word.power &+ word.polynomial
            prefix.power[w + 1] = prefix.power[w] &* word.power
            prefix.inversePower[w + 1] = prefix.inversePower[w] &* word.inversePower
        }

        // An n-gram can repeat only where its first m < n words repeat: each size counts only the
        // windows where the last size counted found a repeat ("of the" → "of the city" …).
        var repeated: RepeatedWindows?
        for item in s.topNGrams {
            // No n-grams: datatrove skips the check and has no value.
            var value = Double.nan
            if item.n > 0, count >= item.n {
                let candidates = repeated.flatMap { $0.size <= item.n ? $0 : nil }
                let top = topNGram(prefix, count: count, n: item.n, candidates: candidates, counter: &counter, repeated: &repeated)
                let characters = (prefix.length[top.position + item.n] - prefix.length[top.position] + item.n - 1) * top.count
                value = GopherQuality.ratio(Double(characters), length)
            }
            report.add("gopher_rep_top_\(item.n)_gram", value)
            // datatrove skips the check when there are no n-grams.
            if count >= item.n, item.n > 0 { report.check("top_\(item.n)_gram", .gopherRepetition, value, .atMost(item.threshold)) }
        }
        // A repeated n-gram contains a repeated shorter one: once a size finds none, larger ones find none.
        var noneSmaller: Int?
        for item in s.dupNGrams {
            var characters = 0
            if let smaller = noneSmaller, item.n >= smaller {
                characters = 0
            } else {
                let candidates = repeated.flatMap { $0.size <= item.n ? $0 : nil }
                characters = duplicateNGramCharacters(prefix, count: count, n: item.n, candidates: candidates, counter: &counter)
                if characters == 0, item.n > 0 { noneSmaller = min(noneSmaller ?? item.n, item.n) }
            }
            let value = GopherQuality.ratio(Double(characters), length)
            report.add("gopher_rep_dup_\(item.n)_gram", value)
            if item.n > 0 { report.check("duplicated_\(item.n)_n_grams", .gopherRepetition, value, .atMost(item.threshold)) }
        }
    }

    /// For each window of `size` words, whether the same words occur in another window too.
    struct RepeatedWindows {
        var size: Int
        var flags: [Bool]
    }

    /// Running sums over the words, so that any run of words costs O(1).
    struct Prefixes {
        static let multiplier: UInt64 = 0xFF51_AFD7_ED55_8CCD
        var length: [Int]
        var sequence: [UInt64]
        var concatenation: [UInt64]
        var power: [UInt64]
        var inversePower: [UInt64]

        init(count: Int) {
            length = [Int](repeating: 0, count: count + 1)
            sequence = [UInt64](repeating: 0, count: count + 1)
            concatenation = [UInt64](repeating: 0, count: count + 1)
            power = [UInt64](repeating: 1, count: count + 1)
            inversePower = [UInt64](repeating: 1, count: count + 1)
        }

        /// The hash of the word sequence `[start, start + n)`.
        @inline(__always)
        func sequenceKey(_ start: Int, _ n: Int, _ multiplierPower: UInt64) -> UInt64 {
            (sequence[start + n] &- sequence[start] &* multiplierPower) ^ UInt64(n)
        }

        /// The polynomial hash of the bytes of words `[start, start + n)` joined without a separator.
        @inline(__always)
        func concatenationKey(_ start: Int, _ n: Int) -> UInt64 {
            let hash = concatenation[start + n] &- concatenation[start] &* (power[start + n] &* inversePower[start])
            return hash ^ (UInt64(length[start + n] - length[start]) &* 0xD6E8_FEB8_6659_FD93)
        }
    }

    /// `find_top_duplicate(get_n_grams(words, n))`: the most common n-gram's first position and count
    /// (`Counter.most_common(1)`: the first seen among equals). Only `candidates` windows are counted
    /// (the others occur once); records which windows repeat in `repeated`.
    static func topNGram(
        _ prefix: Prefixes, count: Int, n: Int, candidates: RepeatedWindows?, counter: inout HashCounter,
        repeated: inout RepeatedWindows?
    ) -> (position: Int, count: Int) {
        let windows = count - n + 1
        counter.reset(expected: windows)
        var multiplierPower: UInt64 = 1
        for _ in 0..<n { multiplierPower = multiplierPower &* Prefixes.multiplier }
        var slots = [Int32](repeating: -1, count: windows)
        for start in 0..<windows where candidates?.flags[start] ?? true {
            slots[start] = Int32(truncatingIfNeeded: counter.add(prefix.sequenceKey(start, n, multiplierPower), position: start).slot)
        }
        var flags = [Bool](repeating: false, count: windows)
        for start in 0..<windows where slots[start] >= 0 {
            flags[start] = counter.count(atSlot: Int(slots[start])) > 1
        }
        repeated = RepeatedWindows(size: n, flags: flags)
        guard let top = counter.mostCommon(), top.count > 1 else { return (0, 1) }
        return top
    }

    /// `find_all_duplicate(words, n)`: walks the n-grams, jumping n words past each repeat, and adds
    /// up the repeats' lengths (joined without a separator). A window that is not a candidate occurs
    /// once, so it is neither a repeat nor repeated later: it is not stored.
    static func duplicateNGramCharacters(
        _ prefix: Prefixes, count: Int, n: Int, candidates: RepeatedWindows?, counter: inout HashCounter
    ) -> Int {
        guard n > 0, count >= n else { return 0 }
        counter.reset(expected: count - n + 1)
        var repeated = 0
        var index = 0
        while index < count - n + 1 {
            if candidates?.flags[index] ?? true, counter.add(prefix.concatenationKey(index, n), position: index).count > 1 {
                repeated += prefix.length[index + n] - prefix.length[index]
                index += n
            } else {
                index += 1
            }
        }
        return repeated
    }
}
