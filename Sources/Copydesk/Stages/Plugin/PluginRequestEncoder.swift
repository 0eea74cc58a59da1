import CopydeskPluginAPI

/// Writes protocol requests: `{"id": n, "doc": {<string fields>, "copydesk": {meta, tags, flags, decision}}}`.
struct PluginRequestEncoder: Sendable {
    /// The fields to send; nil sends every string field.
    let fields: [String]?

    /// One request line, with its newline.
    func request(id: Int, document: Document) -> [UInt8] {
        var writer = JSONWriter()
        writer.bytes.reserveCapacity((document.field("text")?.count ?? 0) + 256)
        writer.beginObject()
        writer.key("id")
        writer.int(id)
        writer.key("doc")
        writer.beginObject()
        let names = fields ?? document.fields.keys.sorted()
        for name in names where name != PluginProtocol.annotationsKey {
            guard let value = document.field(name) else { continue }
            writer.key(dynamic: name)
            value.withUnsafeBufferPointer { writer.string(bytes: $0) }
        }
        writer.key("copydesk")
        writer.beginObject()
        writer.decisionMembers(of: document)
        writer.endObject()
        writer.endObject()
        writer.endObject()
        writer.bytes.append(UInt8(ascii: "\n"))
        return writer.bytes
    }
}
