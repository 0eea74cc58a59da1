/// Diagnostics reported together, in the order they were found.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    /// The diagnostics, in the order they were found.
    public var diagnostics: [Diagnostic]

    /// Creates a list of `diagnostics`.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// Whether any diagnostic is an error (warnings and notes are not).
    public var hasErrors: Bool {
        diagnostics.contains { $0.severity == .error }
    }

    /// Each diagnostic's description, one per line.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
