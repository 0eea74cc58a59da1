/// One message about a source file: an error, a warning or a note, optionally at a mark.
public struct Diagnostic: Error, Sendable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable {
        case error, warning, note
    }

    /// How serious this diagnostic is.
    public var severity: Severity
    /// What is wrong, as one line of text without the location.
    public var message: String
    /// Where the problem is, when it has a place in a file.
    public var mark: SourceMark?

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ message: String, at mark: SourceMark?) {
        self.severity = severity
        self.message = message
        self.mark = mark
    }

    /// `file:3:5: error: message`, or `error: message` when there is no mark.
    public var description: String {
        if let mark {
            return "\(mark): \(severity.rawValue): \(message)"
        }
        return "\(severity.rawValue): \(message)"
    }
}
