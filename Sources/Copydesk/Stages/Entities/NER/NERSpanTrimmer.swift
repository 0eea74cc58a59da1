/// Enforces the script rule on decoded spans: an entity begins and ends on a token with
/// Latin letters or digits, and contains no token with letters of another script.
enum NERSpanTrimmer {
    /// Trims or drops `spans[first...]` in place; `flags(i)` gives token `i`'s flags.
    static func trim(_ spans: inout [TokenSpan], from first: Int, flags: (Int) -> NERTokenFlags) {
        var write = first
        for read in first..<spans.count {
            var span = spans[read]
            while span.start < span.end && !flags(span.start).canBoundEntity { span.start += 1 }
            while span.end > span.start && !flags(span.end - 1).canBoundEntity { span.end -= 1 }
            guard span.start < span.end else { continue }
            let foreign = (span.start..<span.end).contains { index in
                let tokenFlags = flags(index)
                return tokenFlags.hasWordCharacter && !tokenFlags.isEntityCandidate
            }
            if foreign { continue }
            spans[write] = span
            write += 1
        }
        spans.removeSubrange(write...)
    }
}
