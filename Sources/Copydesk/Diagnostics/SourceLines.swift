/// Splits source text into lines the way libyaml counts them, so that marks index the right line.
///
/// libyaml (a YAML 1.1 parser) ends a line at LF, CR, CR LF, and also at NEL (U+0085),
/// LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029).
enum SourceLines {
    /// Line `number` (1-based) of `text`, without its break, as `split` would give it; nil past the end.
    static func line(_ number: Int, of text: String) -> String? {
        guard number >= 1 else { return nil }
        var line = 1
        var current = String.UnicodeScalarView()
        var iterator = text.unicodeScalars.makeIterator()
        var pending = iterator.next()
        while let scalar = pending {
            pending = iterator.next()
            switch scalar {
            case "\r":
                if pending == "\n" { pending = iterator.next() }
                fallthrough
            case "\n", "\u{85}", "\u{2028}", "\u{2029}":
                if line == number { return String(current) }
                line += 1
            default:
                if line == number { current.append(scalar) }
            }
        }
        return line == number ? String(current) : nil
    }

    /// The 1-based line and column (in Unicode scalars) just after the end of `text`.
    static func endPosition(of text: String) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n" where previous == "\r":
                break
            case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}":
                line += 1
                column = 1
            default:
                column += 1
            }
            previous = scalar
        }
        return (line, column)
    }
}
