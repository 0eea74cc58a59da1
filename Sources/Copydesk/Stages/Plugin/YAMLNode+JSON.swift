extension YAMLNode {
    /// The node as JSON, scalars resolved with the core schema (for a plugin's `config:`).
    func writeJSON(into writer: inout JSONWriter) {
        switch content {
        case .mapping(let pairs):
            writer.beginObject()
            for pair in pairs {
                writer.key(dynamic: pair.key.string ?? "")
                pair.value.writeJSON(into: &writer)
            }
            writer.endObject()
        case .sequence(let items):
            writer.beginArray()
            for item in items { item.writeJSON(into: &writer) }
            writer.endArray()
        case .scalar:
            if isNull {
                writer.null()
            } else if let bool {
                writer.bool(bool)
            } else if let int {
                writer.int(int)
            } else if let double, double.isFinite {
                writer.double(double)
            } else {
                writer.string(string ?? "")
            }
        }
    }

    /// The node as a JSON document.
    var json: [UInt8] {
        var writer = JSONWriter()
        writeJSON(into: &writer)
        return writer.bytes
    }
}
