/// A fast path for gazetteer files in their usual shape, one flow mapping per line:
///
/// ```yaml
/// # comments
/// gazetteer:                 # or gazetteer: {label: LOC, case: insensitive}
///   label: LOC
///   case: insensitive
/// entries:
///   - {name: "India", aliases: ["Bharat"], id: "iso3166:IN", case: sensitive, label: LOC}
/// ```
///
/// Values are double-quoted strings (escapes `\"`, `\\`, `\/`, `\t`, `\n`, `\uXXXX`) or plain words
/// without spaces. A million such lines read in a fraction of the time libyaml takes. The reader
/// only ever accepts what the YAML reader would read the same way: at the first line it does not
/// recognise, or anything the YAML reader would report (an unknown or duplicate key, a missing
/// name, a bad `case`), it gives up and returns nil, and the file is read as YAML instead.
struct GazetteerLineReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The file's entries, or nil when it is not in the usual shape.
    static func entries(of bytes: [UInt8]) -> [GazetteerEntry]? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = GazetteerLineReader(bytes: buffer)
            return reader.readFile()
        }
    }

    private mutating func readFile() -> [GazetteerEntry]? {
        var defaults = Defaults()
        var sawDefaults = false
        var inDefaults = false
        var inEntries = false
        var entries: [GazetteerEntry] = []
        while position < bytes.count {
            let line = nextLine()
            var cursor = Cursor(bytes: bytes, position: line.lowerBound, end: line.upperBound)
            cursor.skipSpaces()
            if cursor.atEnd || cursor.peek == UInt8(ascii: "#") { continue }
            let indent = cursor.position - line.lowerBound
            if indent == 0 {
                inDefaults = false
                if cursor.consume("gazetteer:") {
                    guard !inEntries, !sawDefaults else { return nil }
                    sawDefaults = true
                    cursor.skipSpaces()
                    if cursor.atEndOrComment {
                        inDefaults = true
                    } else {
                        guard cursor.defaultsMapping(into: &defaults), cursor.atEndOrComment else { return nil }
                    }
                } else if cursor.consume("entries:") {
                    guard !inEntries else { return nil }
                    cursor.skipSpaces()
                    guard cursor.atEndOrComment else { return nil }
                    inEntries = true
                } else {
                    return nil
                }
            } else if inDefaults, indent == 2 {
                guard let key = cursor.key(), defaults.read(key, from: &cursor), cursor.atEndOrComment else { return nil }
            } else if inEntries, cursor.consume("- ") {
                cursor.skipSpaces()
                guard let entry = cursor.entryMapping(label: defaults.label, caseSensitive: defaults.caseSensitive ?? false),
                      cursor.atEndOrComment else { return nil }
                entries.append(entry)
            } else {
                return nil
            }
        }
        return inEntries ? entries : nil
    }

    private mutating func nextLine() -> Range<Int> {
        let start = position
        while position < bytes.count && bytes[position] != UInt8(ascii: "\n") { position += 1 }
        var end = position
        if end > start && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        position += 1
        return start..<end
    }
}
