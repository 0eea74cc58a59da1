/// What a plugin stage does with a document the plugin could not handle (`on_error:`).
public enum PluginErrorPolicy: String, Sendable, CaseIterable {
    /// Record the error in the document's `errors` and pass it on unchanged.
    case pass
    /// Drop the document, with the error as the reason.
    case drop
    /// Send the input line to `--rejects` (exit status 3).
    case reject
    /// Count the document as failed (exit status 1); it goes to `--rejects`.
    case fail

    /// Applies the policy to a document the plugin failed on.
    public func handle(_ message: String, stage: String, document: inout Document) {
        switch self {
        case .pass:
            document.errors.append(StageError(stage: stage, message: message))
        case .drop:
            document.errors.append(StageError(stage: stage, message: message))
            document.drop(reason: "\(stage): \(message)")
        case .reject:
            document.reject(stage: stage, reason: message)
        case .fail:
            document.fail(stage: stage, reason: message)
        }
    }
}
