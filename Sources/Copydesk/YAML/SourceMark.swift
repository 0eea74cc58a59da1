/// A position in a source file, for diagnostics.
///
/// `line` and `column` are 1-based; `column` counts Unicode scalars, not bytes.
public struct SourceMark: Sendable, Hashable, CustomStringConvertible {
    /// The file name as given to the parser (usually a path).
    public var file: String
    /// The 1-based line number.
    public var line: Int
    /// The 1-based column, counted in Unicode scalars.
    public var column: Int

    /// Creates a mark at `line` and `column` (both 1-based) of `file`.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the form editors and terminals recognise.
    public var description: String {
        "\(file):\(line):\(column)"
    }
}
