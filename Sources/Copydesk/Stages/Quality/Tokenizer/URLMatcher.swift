/// spaCy's `URL_MATCH` (spacy/lang/tokenizer_exceptions.py): a core that looks like a URL is one token.
///
/// `[scheme://][user@]host.tld[:port][/path]`, where the top-level domain is 2 to 63 lowercase
/// letters. The IP-address branch is left out: a dotted number is one token either way.
enum URLMatcher {
    /// `work` counts the scalars the host checks read (linear in `hi - lo`).
    static func matches(_ s: [UInt32], _ lo: Int, _ hi: Int, work: inout Int) -> Bool {
        var hostStart = lo
        // (?:[\w\+\-\.]{2,})://
        if let colon = firstIndex(of: 0x3A, in: s, lo, hi), colon + 2 < hi, s[colon + 1] == 0x2F, s[colon + 2] == 0x2F,
           colon - lo >= 2, s[lo..<colon].allSatisfy({ ScalarClass.isWord($0) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E }) {
            hostStart = colon + 3
        }
        if host(s, hostStart, hi, work: &work) { return true }
        // (?:\S+(?::\S*)?@) : the host may start after any '@'. A host holds no '@' before its
        // end (the first ':' '/' '?' '#'), so only the last '@' before such an end can start one:
        // each stretch between ends is then read once, not once per '@' in it.
        var at = hostStart + 1
        while at < hi {
            guard s[at] == 0x40 else {
                at += 1
                continue
            }
            var next = at + 1
            while next < hi, !isHostEnd(s[next]), s[next] != 0x40 { next += 1 }
            work &+= next - at
            if next < hi, s[next] == 0x40 {
                at = next
                continue
            }
            if host(s, at + 1, hi, work: &work) { return true }
            at = next + 1
        }
        return false
    }

    private static func isHostEnd(_ c: UInt32) -> Bool {
        c == 0x3A || c == 0x2F || c == 0x3F || c == 0x23
    }

    private static func firstIndex(of value: UInt32, in s: [UInt32], _ lo: Int, _ hi: Int) -> Int? {
        var i = lo
        while i < hi {
            if s[i] == value { return i }
            i += 1
        }
        return nil
    }

    /// `(label.)+tld(:port)?([/?#]\S*)?$` from `start`.
    private static func host(_ s: [UInt32], _ start: Int, _ hi: Int, work: inout Int) -> Bool {
        var end = start
        while end < hi, !isHostEnd(s[end]) { end += 1 }
        work &+= end - start + 1
        // Labels, then the top-level domain after the last dot.
        guard let lastDot = (start..<end).last(where: { s[$0] == 0x2E }), lastDot > start else { return false }
        let tld = s[(lastDot + 1)..<end]
        guard (2...63).contains(tld.count), tld.allSatisfy(isTLDCharacter) else { return false }
        var labelStart = start
        for i in start...lastDot where s[i] == 0x2E {
            guard validLabel(s[labelStart..<i]) else { return false }
            labelStart = i + 1
        }
        guard end < hi else { return true }
        if s[end] == 0x3A {
            var digits = end + 1
            while digits < hi, ScalarClass.isDigit(s[digits]) { digits += 1 }
            guard (2...5).contains(digits - end - 1) else { return false }
            end = digits
            guard end < hi else { return true }
        }
        return s[end] == 0x2F || s[end] == 0x3F || s[end] == 0x23
    }

    private static func validLabel(_ label: ArraySlice<UInt32>) -> Bool {
        guard let first = label.first, let last = label.last, label.count <= 63 else { return false }
        return isLabelEdge(first) && isLabelEdge(last) && label.allSatisfy { isLabelEdge($0) || $0 == 0x5F || $0 == 0x2D }
    }

    /// `[A-Za-z0-9\u00a1-\uffff]`
    private static func isLabelEdge(_ c: UInt32) -> Bool {
        (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A) || (c >= 0xA1 && c <= 0xFFFF)
    }

    /// The top-level-domain class: lowercase letters (and caseless letters of other scripts).
    private static func isTLDCharacter(_ c: UInt32) -> Bool {
        if c < 0x80 { return c >= 0x61 && c <= 0x7A }
        return ScalarClass.isSpacyLower(c) || (ScalarClass.isAlpha(c) && !ScalarClass.isSpacyUpper(c))
    }
}
