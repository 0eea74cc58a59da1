/// Why `DocumentPicker` found no document to explain.
public enum DocumentPickError: Error, Sendable, CustomStringConvertible {
    /// No document fits the selector; the message says what was looked for.
    case notFound(String)
    /// The selected line (or the plain text) cannot be a document, as `run` would reject it.
    case rejected(InputRejection)
    /// The input could not be read.
    case readFailed(InputReadError)

    public var description: String {
        switch self {
        case .notFound(let message): message
        case .rejected(let rejection): rejection.description
        case .readFailed(let error): error.description
        }
    }
}
