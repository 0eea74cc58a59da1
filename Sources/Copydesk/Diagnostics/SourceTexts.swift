/// Keeps source texts so diagnostics can be shown with the offending line and a caret.
///
/// ```
/// rules.yaml:3:12: error: unknown action "strp"
///   action: strp
///           ^
/// ```
public struct SourceTexts: Sendable {
    /// The files' bytes, shared with whoever read them rather than copied, decoded and split into
    /// lines only when a diagnostic is rendered: a large gazetteer with no problems costs nothing here.
    private var bytesByFile: [String: [UInt8]] = [:]

    /// Creates an empty store.
    public init() {}

    /// Remembers `text` as the contents of `file`, replacing any earlier text for it.
    public mutating func add(file: String, text: String) {
        add(file: file, bytes: Array(text.utf8))
    }

    /// Remembers `bytes` (UTF-8, as read) as the contents of `file`. Invalid UTF-8 is shown repaired.
    public mutating func add(file: String, bytes: [UInt8]) {
        bytesByFile[file] = bytes
    }

    /// The file's text; a leading byte order mark is dropped, as the parser does not count it as a column.
    private func text(of file: String) -> String? {
        guard let bytes = bytesByFile[file] else { return nil }
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        return String(decoding: bytes.starts(with: bom) ? bytes.dropFirst(3) : bytes[...], as: UTF8.self)
    }

    /// The diagnostic's description, then its source line and a caret under its column.
    ///
    /// Tabs before the column are copied into the caret line so the caret lines up;
    /// wide characters get two spaces and combining marks none. A diagnostic without
    /// a mark, or whose file or line is unknown, gives just its description.
    public func render(_ d: Diagnostic) -> String {
        guard let mark = d.mark,
              let text = text(of: mark.file),
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
