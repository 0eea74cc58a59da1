/// Why a JSONL line is not a valid JSON object, and where.
///
/// `byteOffset` is the first byte at which the line stops being the start of a valid
/// object: for `{"a":01}` it is the `1`, for a truncated line it is the line's length.
/// Invalid UTF-8 is reported at the first byte of the ill-formed sequence.
public struct JSONSyntaxError: Error, Sendable, CustomStringConvertible {
    /// Offset in the line of the problem.
    public var byteOffset: Int
    /// What was expected and what was found.
    public var message: String

    public init(byteOffset: Int, message: String) {
        self.byteOffset = byteOffset
        self.message = message
    }

    public var description: String { "byte \(byteOffset): \(message)" }
}
