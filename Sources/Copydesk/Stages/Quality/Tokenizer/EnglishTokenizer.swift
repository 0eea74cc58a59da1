/// Receives the tokens of `EnglishTokenizer`, as byte ranges of the text.
protocol TokenSink {
    /// A token (never whitespace).
    mutating func token(_ start: Int, _ end: Int)
    /// A whitespace token: spaCy makes one of every whitespace run except a single ' ' after a token.
    mutating func space(_ start: Int, _ end: Int)
}

/// spaCy's English tokenizer (`spacy.blank("en").tokenizer`, spaCy 3.8), which datatrove uses to split
/// English words, reimplemented on UTF-8 bytes.
///
/// The text is split on whitespace; each chunk is an exception (`SpecialCases`), or loses prefixes
/// and suffixes until an exception or nothing more comes off; what stays is a URL, an exception, or
/// is split at infixes. Chunks of ASCII letters, most of English text, take a fast path.
///
/// Not reproduced: spaCy's second pass that matches exceptions across tokens produced by affix
/// splitting (rare: emoticons glued to words), and the private-address exclusions of its URL pattern.
struct EnglishTokenizer: Sendable {
    let specials: SpecialCases
    /// For the second pass: the tokens (byte lengths) that each exception with an affix becomes
    /// without exceptions, keyed by the start of its pieces in `specials` (spaCy's special matcher
    /// merges exactly such runs of tokens).
    private let matcherPatterns: [Int: [Int]]

    /// The English tokenizer, built once.
    static let english = EnglishTokenizer(specials: .english)

    init(specials: SpecialCases = .english) {
        self.specials = specials
        let affixesOnly = EnglishTokenizer(affixesOnly: ())
        var patterns: [Int: [Int]] = [:]
        var scratch = TokenizerScratch()
        for entry in specials.allEntries {
            var collector = PieceCollector()
            entry.key.withUnsafeBufferPointer { affixesOnly.tokenize($0, 0..<$0.count, into: &collector, scratch: &scratch) }
            if collector.ranges.count > 1 { patterns[entry.pieces.lowerBound] = collector.ranges.map(\.count) }
        }
        self.matcherPatterns = patterns
    }

    /// A tokenizer without exceptions (spaCy's `_tokenize_affixes(string, False)`).
    private init(affixesOnly: ()) {
        self.specials = SpecialCases(source: "")
        self.matcherPatterns = [:]
    }

    /// Tokenizes `text[range]`.
    func tokenize<Sink: TokenSink>(
        _ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into sink: inout Sink, scratch: inout TokenizerScratch
    ) {
        var i = range.lowerBound
        let end = range.upperBound
        var first = true
        while i < end {
            // A whitespace run.
            let spaceStart = i
            while i < end {
                let byte = text[i]
                if byte < 0x80 {
                    guard (byte >= 0x09 && byte <= 0x0D) || (byte >= 0x1C && byte <= 0x20) else { break }
                    i += 1
                } else {
                    let (scalar, length) = ScalarClass.decode(text, at: i, end: end)
                    guard ScalarClass.isSpace(scalar) else { break }
                    i += length
                }
            }
            if i > spaceStart {
                // spaCy glues one leading ' ' to the token before; the rest is a whitespace token.
                let tokenStart = !first && text[spaceStart] == 0x20 ? spaceStart + 1 : spaceStart
                if tokenStart < i { sink.space(tokenStart, i) }
            }
            first = false
            guard i < end else { break }
            // A chunk of non-whitespace.
            let chunkStart = i
            // How many leading bytes are ASCII letters, and whether all bytes are ASCII digits.
            var letters = 0
            var digits = true
            var ascii = true
            while i < end {
                let byte = text[i]
                if byte < 0x80 {
                    if (byte >= 0x09 && byte <= 0x0D) || (byte >= 0x1C && byte <= 0x20) { break }
                    if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A {
                        if letters == i - chunkStart { letters += 1 }
                        digits = false
                    } else if byte < 0x30 || byte > 0x39 {
                        digits = false
                    }
                    i += 1
                } else {
                    let (scalar, length) = ScalarClass.decode(text, at: i, end: end)
                    if ScalarClass.isSpace(scalar) { break }
                    ascii = false
                    digits = false
                    i += length
                }
            }
            let shape = ChunkShape(letters: letters, digits: digits, ascii: ascii, count: i - chunkStart)
            tokenizeChunk(text, chunkStart, i, shape: shape, into: &sink, scratch: &scratch)
        }
    }

    /// What the chunk scan learned about a chunk, to pick a fast path.
    struct ChunkShape {
        var letters: Int
        var digits: Bool
        var ascii: Bool
        var count: Int
    }

    private func tokenizeChunk<Sink: TokenSink>(
        _ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, shape: ChunkShape,
        into sink: inout Sink, scratch: inout TokenizerScratch
    ) {
        if let pieces = specials.lookup(UnsafeBufferPointer(rebasing: text[start..<end])) {
            emitSpecial(pieces, at: start, into: &sink)
            return
        }
        // Letters only, or digits only: no prefix, suffix, infix or URL applies.
        if shape.letters == shape.count || shape.digits {
            sink.token(start, end)
            return
        }
        // Letters and one closing character that is always a suffix there ("said." "Monday," "us)").
        if shape.ascii, shape.count >= 2, shape.letters == shape.count - 1 {
            let last = text[end - 1]
            let isSuffix: Bool
            switch last {
            case 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x29, 0x22, 0x27: isSuffix = true
            case 0x2E: isSuffix = text[end - 2] >= 0x61 && text[end - 2] <= 0x7A
            default: isSuffix = false
            }
            if isSuffix {
                if let pieces = specials.lookup(UnsafeBufferPointer(rebasing: text[start..<(end - 1)])) {
                    emitSpecial(pieces, at: start, into: &sink)
                } else {
                    sink.token(start, end - 1)
                }
                sink.token(end - 1, end)
                return
            }
        }
        scratch.load(text, start, end)
        scratch.prefixes.removeAll(keepingCapacity: true)
        scratch.suffixes.removeAll(keepingCapacity: true)
        var lo = 0
        var hi = scratch.scalars.count
        var lastSize = 0
        while lo < hi, hi - lo != lastSize {
            if isSpecial(scratch, text, lo, hi) { break }
            lastSize = hi - lo
            let pre = Affixes.prefixLength(scratch.scalars, lo, hi)
            if pre != 0, lo + pre < hi, isSpecial(scratch, text, lo + pre, hi) {
                scratch.prefixes.append(lo..<(lo + pre))
                lo += pre
                break
            }
            let suf = Affixes.suffixLength(scratch.scalars, lo + pre, hi)
            if suf != 0, hi - suf > lo, isSpecial(scratch, text, lo, hi - suf) {
                scratch.suffixes.append((hi - suf)..<hi)
                hi -= suf
                break
            }
            if pre != 0, suf != 0, pre + suf <= hi - lo {
                scratch.prefixes.append(lo..<(lo + pre))
                scratch.suffixes.append((hi - suf)..<hi)
                lo += pre
                hi -= suf
            } else if pre != 0 {
                scratch.prefixes.append(lo..<(lo + pre))
                lo += pre
            } else if suf != 0 {
                scratch.suffixes.append((hi - suf)..<hi)
                hi -= suf
            }
        }
        var pieces = PieceCollector()
        swap(&pieces.ranges, &scratch.pieces)
        pieces.ranges.removeAll(keepingCapacity: true)
        for prefix in scratch.prefixes {
            pieces.token(scratch.byte(prefix.lowerBound), scratch.byte(prefix.upperBound))
        }
        if lo < hi {
            let coreStart = scratch.byte(lo)
            let coreEnd = scratch.byte(hi)
            if let special = specials.lookup(UnsafeBufferPointer(rebasing: text[coreStart..<coreEnd])) {
                emitSpecial(special, at: coreStart, into: &pieces)
            } else if URLMatcher.matches(scratch.scalars, lo, hi, work: &scratch.work) {
                pieces.token(coreStart, coreEnd)
            } else {
                emitInfixSplit(scratch, lo, hi, into: &pieces)
            }
        }
        for suffix in scratch.suffixes.reversed() {
            pieces.token(scratch.byte(suffix.lowerBound), scratch.byte(suffix.upperBound))
        }
        emitMergingSpecials(pieces.ranges, text, into: &sink, work: &scratch.work)
        swap(&pieces.ranges, &scratch.pieces)
    }

    /// spaCy's second pass (`_apply_special_cases`): adjacent tokens that together spell an exception
    /// ("'" "'" → "''", "Mr" "." → "Mr.") become that exception's tokens; longest run first.
    private func emitMergingSpecials<Sink: TokenSink>(
        _ pieces: [Range<Int>], _ text: UnsafeBufferPointer<UInt8>, into sink: inout Sink, work: inout Int
    ) {
        var i = 0
        while i < pieces.count {
            var merged = false
            // Only runs no longer than the longest exception can be one: find the longest such run
            // (pieces are at least a byte each, so this is bounded), then try it and shorter ones.
            let start = pieces[i].lowerBound
            var last = i
            while last + 1 < pieces.count, pieces[last + 1].upperBound - start <= specials.maximumLength {
                last += 1
                work &+= 1
            }
            while last > i {
                work &+= 1
                let end = pieces[last].upperBound
                if let special = specials.lookup(UnsafeBufferPointer(rebasing: text[start..<end])),
                   let pattern = matcherPatterns[special.lowerBound], pattern.count == last - i + 1,
                   pattern.indices.allSatisfy({ pattern[$0] == pieces[i + $0].count }) {
                    emitSpecial(special, at: start, into: &sink)
                    i = last + 1
                    merged = true
                    break
                }
                last -= 1
            }
            if !merged {
                sink.token(pieces[i].lowerBound, pieces[i].upperBound)
                i += 1
            }
        }
    }

    private func isSpecial(_ scratch: TokenizerScratch, _ text: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Bool {
        let start = scratch.byte(lo)
        let end = scratch.byte(hi)
        guard end - start <= specials.maximumLength else { return false }
        return specials.lookup(UnsafeBufferPointer(rebasing: text[start..<end])) != nil
    }

    private func emitSpecial<Sink: TokenSink>(_ pieces: Range<Int>, at start: Int, into sink: inout Sink) {
        var position = start
        for index in pieces {
            let length = Int(specials.pieces[index])
            sink.token(position, position + length)
            position += length
        }
    }

    /// spaCy's `_attach_tokens` for a core without exception or URL: split at every infix, except
    /// one that starts at the core's first character.
    private func emitInfixSplit<Sink: TokenSink>(_ scratch: TokenizerScratch, _ lo: Int, _ hi: Int, into sink: inout Sink) {
        var start = lo
        var position = lo
        while position < hi {
            let length = Affixes.infixLength(scratch.scalars, lo, hi, at: position)
            guard length > 0 else {
                position += 1
                continue
            }
            if position != lo {
                if position != start { sink.token(scratch.byte(start), scratch.byte(position)) }
                sink.token(scratch.byte(position), scratch.byte(position + length))
                start = position + length
            }
            position += length
        }
        if start < hi { sink.token(scratch.byte(start), scratch.byte(hi)) }
    }
}

/// Per-worker buffers of `EnglishTokenizer`: the chunk being split, as scalars with byte offsets.
struct TokenizerScratch {
    var scalars: [UInt32] = []
    /// Byte offset of each scalar, plus the chunk's end.
    var offsets: [Int] = []
    var prefixes: [Range<Int>] = []
    var suffixes: [Range<Int>] = []
    /// The tokens of the chunk, before exceptions are merged.
    var pieces: [Range<Int>] = []
    /// Steps of the loops that could go quadratic on one long chunk (runs tried as exceptions,
    /// scalars the URL host check reads): tests pin that the work stays linear in the text.
    var work = 0

    mutating func load(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        scalars.removeAll(keepingCapacity: true)
        offsets.removeAll(keepingCapacity: true)
        var i = start
        while i < end {
            let (scalar, length) = ScalarClass.decode(text, at: i, end: end)
            scalars.append(scalar)
            offsets.append(i)
            i += length
        }
        offsets.append(end)
    }

    @inline(__always)
    func byte(_ index: Int) -> Int { offsets[index] }
}

/// Collects tokens as byte ranges.
struct PieceCollector: TokenSink {
    var ranges: [Range<Int>] = []

    mutating func token(_ start: Int, _ end: Int) {
        ranges.append(start..<end)
    }

    mutating func space(_ start: Int, _ end: Int) {}
}
