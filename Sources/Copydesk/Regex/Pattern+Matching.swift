internal import CPCRE2

extension Pattern {
    /// First match at or after byte offset `start`.
    ///
    /// `subject` must be valid UTF-8 when `validated` is true (PCRE2_NO_UTF_CHECK is
    /// passed); with `validated: false` PCRE2 checks it and invalid input is a
    /// `.other` error. `start` must be a character boundary in `0...subject.count`.
    public func firstMatch(
        in subject: UnsafeBufferPointer<UInt8>,
        from start: Int = 0,
        validated: Bool = true,
        scratch: inout MatchScratch
    ) throws(MatchError) -> Match? {
        try checkStart(start, in: subject)
        let options = validated ? PCRE2_NO_UTF_CHECK : 0
        guard try execute(subject, at: start, options: options, scratch: &scratch) else { return nil }
        return currentMatch(scratch)
    }

    /// All non-overlapping matches, left to right, with Perl semantics for empty matches.
    ///
    /// After an empty match the search is retried at the same offset with
    /// PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED; if that fails it moves on by one
    /// whole UTF-8 character. A subject with no match costs one search.
    public func allMatches(
        in subject: UnsafeBufferPointer<UInt8>,
        validated: Bool = true,
        scratch: inout MatchScratch
    ) throws(MatchError) -> [Match] {
        var found: [Match] = []
        try forEachMatch(in: subject, validated: validated, scratch: &scratch) { found.append($0) }
        return found
    }

    /// True when the pattern matches anywhere in `subject`.
    public func matches(
        _ subject: UnsafeBufferPointer<UInt8>,
        validated: Bool = true,
        scratch: inout MatchScratch
    ) throws(MatchError) -> Bool {
        let options = validated ? PCRE2_NO_UTF_CHECK : 0
        return try execute(subject, at: 0, options: options, scratch: &scratch)
    }

    /// Calls `body` with each non-overlapping match, as `allMatches` finds them, without collecting them.
    public func forEachMatch(
        in subject: UnsafeBufferPointer<UInt8>,
        validated: Bool = true,
        scratch: inout MatchScratch,
        _ body: (Match) -> Void
    ) throws(MatchError) {
        var offset = 0
        var utfCheck = validated ? PCRE2_NO_UTF_CHECK : 0
        var retryingAfterEmpty = false
        while true {
            let options = utfCheck | (retryingAfterEmpty ? PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED : 0)
            let matched = try execute(subject, at: offset, options: options, scratch: &scratch)
            utfCheck = PCRE2_NO_UTF_CHECK  // the first call has checked the whole subject
            guard matched else {
                guard retryingAfterEmpty, offset < subject.count else { return }
                retryingAfterEmpty = false
                offset = RegexUTF8Offsets.nextCharacter(after: offset, in: subject)
                continue
            }
            let match = currentMatch(scratch)
            body(match)
            let end = max(match.range.upperBound, offset)
            if !match.range.isEmpty && end > offset {
                offset = end
                retryingAfterEmpty = false
            } else if !retryingAfterEmpty {
                offset = end
                retryingAfterEmpty = true
            } else {
                // No progress even when retrying (only possible with \K tricks): step on regardless.
                guard offset < subject.count else { return }
                retryingAfterEmpty = false
                offset = RegexUTF8Offsets.nextCharacter(after: offset, in: subject)
            }
        }
    }

    /// Rejects a start offset outside the subject or inside a multi-byte character.
    private func checkStart(_ start: Int, in subject: UnsafeBufferPointer<UInt8>) throws(MatchError) {
        guard start >= 0, start <= subject.count else {
            throw MatchError(pcre2Code: PCRE2_ERROR_BADOFFSET)
        }
        if start < subject.count, RegexUTF8Offsets.isContinuation(subject[start]) {
            throw MatchError(pcre2Code: PCRE2_ERROR_BADUTFOFFSET)
        }
    }

    /// One pcre2_match_8 call using the scratch's match data and context. True on a match.
    private func execute(
        _ subject: UnsafeBufferPointer<UInt8>,
        at offset: Int,
        options: UInt32,
        scratch: inout MatchScratch
    ) throws(MatchError) -> Bool {
        scratch.reserveOvector(pairs: captureCount + 1)
        guard let matchData = scratch.matchData, let context = scratch.matchContext else {
            throw MatchError(pcre2Code: PCRE2_ERROR_NOMEMORY)
        }
        let code = self.code
        let result = Pattern.withNonNullBase(subject) { base in
            pcre2_match_8(code, base, subject.count, offset, options, matchData, context)
        }
        if result >= 0 { return true }
        if result == PCRE2_ERROR_NOMATCH { return false }
        throw MatchError(pcre2Code: result)
    }

    /// Reads the ovector of the last successful `execute` into a `Match`.
    private func currentMatch(_ scratch: borrowing MatchScratch) -> Match {
        let unset = copydesk_pcre2_unset()
        let groupCount = captureCount + 1
        guard let matchData = scratch.matchData else {
            return Match(range: 0..<0, groups: [0..<0] + Array(repeating: nil, count: captureCount))
        }
        let ovector = pcre2_get_ovector_pointer_8(matchData)
        let setPairs = min(Int(pcre2_get_ovector_count_8(matchData)), groupCount)
        var groups: [Range<Int>?] = []
        groups.reserveCapacity(groupCount)
        for group in 0..<groupCount {
            guard group < setPairs, let ovector else {
                groups.append(nil)
                continue
            }
            let start = ovector[2 * group]
            let end = ovector[2 * group + 1]
            if start == unset || end == unset {
                groups.append(nil)
            } else {
                // \K can report start > end; never build an invalid Range from it.
                groups.append(min(start, end)..<end)
            }
        }
        return Match(range: groups[0] ?? 0..<0, groups: groups)
    }
}
