/// Parses YAML text into `YAMLNode`s with source marks, using the system libyaml.
public enum YAMLParser {
    /// Parses one YAML document. An empty stream gives a null plain scalar at 1:1.
    ///
    /// Throws every duplicate-key and undefined-alias error in the document together, or
    /// the first syntax error; a second document in the stream is an error too.
    public static func parse(_ text: String, file: String) throws(DiagnosticList) -> YAMLNode {
        try parse(bytes: Array(text.utf8), file: file)
    }

    /// Parses one YAML document from raw bytes, which should be UTF-8.
    ///
    /// Invalid UTF-8 is reported as a diagnostic at the offending byte.
    public static func parse(bytes: [UInt8], file: String) throws(DiagnosticList) -> YAMLNode {
        let reader = YAMLEventReader(bytes: bytes, file: file)
        var composer = YAMLComposer(reader: reader, file: file)
        return try composer.composeDocument()
    }
}
