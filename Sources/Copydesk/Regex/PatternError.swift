/// A pattern or replacement template that does not compile.
public struct PatternError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, as PCRE2 (or the template parser) says it.
    public var message: String
    /// Code-point (Unicode scalar) offset into the pattern or template string where the problem was found.
    public var offset: Int

    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    public var description: String {
        "\(message) at offset \(offset)"
    }
}
