/// One document picked from an input, and where it came from.
public struct PickedDocument: Sendable {
    public var document: Document
    /// The input's name in messages (`<stdin>` or the file).
    public var inputName: String
    /// `.jsonl` or `.text`: how the input was read.
    public var format: InputFormat
    /// The document's `id` member as text (a string's value, or a number as spelled), if it has one.
    public var id: String?

    public init(document: Document, inputName: String, format: InputFormat, id: String? = nil) {
        self.document = document
        self.inputName = inputName
        self.format = format
        self.id = id
    }
}
