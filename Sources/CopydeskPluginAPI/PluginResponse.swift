/// A plugin's answer to one request: `{"id": n, "doc": {…}}`, `{"id": n, "drop": "reason"}`
/// or `{"id": n, "error": "message"}`. `{"id": n}` alone means "no change".
public struct PluginResponse: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        case changed(PluginChanges)
        case drop(reason: String)
        case error(String)
    }

    public var id: Int
    public var outcome: Outcome

    public init(id: Int, outcome: Outcome) {
        self.id = id
        self.outcome = outcome
    }

    /// Reads the id of a response line. A line without one breaks the protocol.
    public static func parse(line: UnsafeRawBufferPointer) throws(PluginMessageError) -> (id: Int, outcome: Result<Outcome, PluginMessageError>) {
        let object = try PluginJSON.object(line)
        guard let id = object["id"] as? Int else {
            throw PluginMessageError("response without an integer \"id\": \(PluginJSON.excerpt(line))")
        }
        // With a valid id, a malformed answer is that document's problem, not the plugin's.
        do {
            return (id, .success(try outcome(of: object)))
        } catch {
            return (id, .failure(error))
        }
    }

    /// `parse(line:)` as a Result.
    public static func parsed(_ line: [UInt8]) -> Result<(id: Int, outcome: Result<Outcome, PluginMessageError>), PluginMessageError> {
        line.withUnsafeBytes { bytes in
            do throws(PluginMessageError) {
                return .success(try parse(line: bytes))
            } catch {
                return .failure(error)
            }
        }
    }

    private static func outcome(of object: [String: Any]) throws(PluginMessageError) -> Outcome {
        if let message = object["error"] {
            return .error(message as? String ?? "\(message)")
        }
        if let reason = object["drop"] {
            guard let reason = reason as? String else { throw PluginMessageError("\"drop\" must be a string (the reason)") }
            return .drop(reason: reason)
        }
        guard let doc = object["doc"] else { return .changed(PluginChanges()) }
        guard let doc = doc as? [String: Any] else { throw PluginMessageError("\"doc\" must be an object") }
        return .changed(try PluginChanges(json: doc))
    }

    /// The response as a line of JSON (no newline).
    public var line: [UInt8] {
        var object: [String: Any] = ["id": id]
        switch outcome {
        case .changed(let changes): object["doc"] = changes.json
        case .drop(let reason): object["drop"] = reason
        case .error(let message): object["error"] = message
        }
        return PluginJSON.line(object)
    }
}
