/// Keeps source texts so diagnostics can be shown with the offending line and a caret.
///
/// ```
/// rules.yaml:3:12: error: unknown action "strp"
///   action: strp
///           ^
/// ```
public struct SourceTexts: Sendable {
    /// The texts, split into lines only when a diagnostic is rendered: a large gazetteer file
    /// with no problems costs nothing here.
    private var textByFile: [String: String] = [:]

    /// Creates an empty store.
    public init() {}

    /// Remembers `text` as the contents of `file`, replacing any earlier text for it.
    ///
    /// A leading byte order mark is dropped, as the parser does not count it as a column.
    public mutating func add(file: String, text: String) {
        var scalars = text.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        textByFile[file] = String(scalars)
    }

    /// The diagnostic's description, then its source line and a caret under its column.
    ///
    /// Tabs before the column are copied into the caret line so the caret lines up;
    /// wide characters get two spaces and combining marks none. A diagnostic without
    /// a mark, or whose file or line is unknown, gives just its description.
    public func render(_ d: Diagnostic) -> String {
        guard let mark = d.mark,
              let text = textByFile[mark.file],
              let line = SourceLines.line(mark.line, of: text)
        else {
            return d.description
        }
        return d.description + "\n" + line + "\n" + Self.caretIndent(for: line, column: mark.column) + "^"
    }

    /// Each diagnostic rendered as by `render(_:)`, one after another.
    public func render(_ list: DiagnosticList) -> String {
        list.diagnostics.map { render($0) }.joined(separator: "\n")
    }

    /// Whitespace as wide as the part of `line` before the 1-based `column`.
    private static func caretIndent(for line: String, column: Int) -> String {
        var indent = ""
        var remaining = max(0, column - 1)
        for scalar in line.unicodeScalars where remaining > 0 {
            remaining -= 1
            if scalar == "\t" {
                indent.append("\t")
            } else {
                indent.append(String(repeating: " ", count: TerminalWidth.cells(of: scalar)))
            }
        }
        // A column past the end of the line (an error at end of line) still gets its caret.
        indent.append(String(repeating: " ", count: remaining))
        return indent
    }
}
