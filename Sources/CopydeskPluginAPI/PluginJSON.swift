import Foundation

/// Reads and writes the protocol's JSON with Foundation, for both sides of the protocol.
public enum PluginJSON {
    /// Parses one line into a JSON object.
    public static func object(_ bytes: UnsafeRawBufferPointer) throws(PluginMessageError) -> [String: Any] {
        let data = Data(bytes)
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            throw PluginMessageError("not JSON: \(excerpt(bytes))")
        }
        guard let object = value as? [String: Any] else {
            throw PluginMessageError("expected a JSON object, got \(excerpt(bytes))")
        }
        return object
    }

    /// Serialises a JSON object as one line (no newline).
    public static func line(_ object: [String: Any]) -> [UInt8] {
        // Only strings, numbers, arrays and objects are ever put in, so this cannot fail.
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.withoutEscapingSlashes]) else {
            return Array(#"{"error":"unserialisable message"}"#.utf8)
        }
        return Array(data)
    }

    /// The start of a line, for messages about it.
    public static func excerpt(_ bytes: UnsafeRawBufferPointer, limit: Int = 80) -> String {
        let text = String(decoding: bytes.prefix(limit), as: UTF8.self)
        return "\"" + text + (bytes.count > limit ? "…" : "") + "\""
    }

    /// A meta value as a string: strings as they are, numbers and booleans in JSON form.
    static func metaString(_ value: Any) -> String? {
        if let string = value as? String { return string }
        if let number = value as? NSNumber {
            // Foundation reads JSON booleans as NSNumbers of C type "c".
            if String(cString: number.objCType) == "c" { return number.boolValue ? "true" : "false" }
            if let int = value as? Int { return String(int) }
            return String(number.doubleValue)
        }
        return nil
    }
}

/// A protocol message that does not have the shape the protocol requires.
public struct PluginMessageError: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
