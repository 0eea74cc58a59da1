extension GazetteerLineReader {
    /// Reads the pieces of one line; every method returns nil (or false) on anything unusual.
    struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var position: Int
        let end: Int

        var atEnd: Bool { position >= end }
        var peek: UInt8 { bytes[position] }
        /// At the line's end, or at a comment (which YAML only allows after a space).
        var atEndOrComment: Bool {
            var probe = self
            probe.skipSpaces()
            return probe.atEnd || (probe.peek == UInt8(ascii: "#") && probe.position > position)
        }

        mutating func skipSpaces() {
            while position < end && bytes[position] == UInt8(ascii: " ") { position += 1 }
        }

        mutating func consume(_ literal: StaticString) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard end - position >= count else { return false }
            for offset in 0..<count where bytes[position + offset] != literal.utf8Start[offset] { return false }
            position += count
            return true
        }

        /// A key or plain value: letters, digits and `_ - . : + /`, not starting with a YAML indicator.
        mutating func word() -> String? {
            let start = position
            while position < end, Self.isWordByte(bytes[position]) {
                // A colon ends the word when a space, the line's end or a flow indicator follows it.
                if bytes[position] == UInt8(ascii: ":") && (position + 1 == end || [0x20, 0x2C, 0x7D, 0x5D].contains(bytes[position + 1])) { break }
                position += 1
            }
            guard position > start, Self.isLetterOrDigit(bytes[start]) else { return nil }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
            // Plain scalars that YAML's core schema reads as something other than a string.
            if ["null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE"].contains(text) { return nil }
            if text.first.map({ $0.isNumber }) == true, Double(text) != nil || Int(text) != nil { return nil }
            return text
        }

        /// A double-quoted string or a plain word.
        mutating func value() -> String? {
            guard !atEnd else { return nil }
            return peek == UInt8(ascii: "\"") ? quoted() : word()
        }

        /// The keys the reader knows, recognised from their bytes.
        enum Key {
            case name, label, id, caseKey, aliases
        }

        /// A key followed by `:` and spaces; nil for a key the reader does not know.
        mutating func key() -> Key? {
            let key: Key
            if consume("name:") { key = .name }
            else if consume("id:") { key = .id }
            else if consume("label:") { key = .label }
            else if consume("aliases:") { key = .aliases }
            else if consume("case:") { key = .caseKey }
            else { return nil }
            guard !atEnd, peek == UInt8(ascii: " ") else { return nil }
            skipSpaces()
            return key
        }

        /// `{label: …, case: …}`: the file's defaults.
        mutating func defaultsMapping(into defaults: inout Defaults) -> Bool {
            mapping { cursor, key in defaults.read(key, from: &cursor) }
        }

        /// `{name: …, aliases: [...], id: …, label: …, case: …}`: one entry.
        mutating func entryMapping(label defaultLabel: String?, caseSensitive: Bool) -> GazetteerEntry? {
            var name: String?, label: String?, id: String?, caseValue: Bool?, aliases: [String]?
            let complete = mapping { cursor, key in
                switch key {
                case .name where name == nil: name = cursor.value(); return name != nil
                case .label where label == nil: label = cursor.value(); return label != nil
                case .id where id == nil: id = cursor.value(); return id != nil
                case .caseKey where caseValue == nil: caseValue = cursor.caseValue(); return caseValue != nil
                case .aliases where aliases == nil: aliases = cursor.flowList(); return aliases != nil
                default: return false
                }
            }
            guard complete, let name, !name.isEmpty, let label = label ?? defaultLabel else { return nil }
            return GazetteerEntry(name: name, label: label, aliases: aliases ?? [], id: id, caseSensitive: caseValue ?? caseSensitive)
        }

        /// Reads `{key: value, …}`, handing each known key to `field`, which reads its value and
        /// says whether it was acceptable. False on anything unusual.
        private mutating func mapping(_ field: (inout Cursor, Key) -> Bool) -> Bool {
            guard consume("{") else { return false }
            skipSpaces()
            if consume("}") { return true }
            while true {
                skipSpaces()
                guard let key = key(), field(&self, key) else { return false }
                skipSpaces()
                if consume("}") { return true }
                guard consume(",") else { return false }
            }
        }

        mutating func caseValue() -> Bool? {
            switch value() {
            case "sensitive": true
            case "insensitive": false
            default: nil
            }
        }

        mutating func flowList() -> [String]? {
            guard consume("[") else { return nil }
            var items: [String] = []
            skipSpaces()
            if consume("]") { return items }
            while true {
                skipSpaces()
                guard let item = value() else { return nil }
                items.append(item)
                skipSpaces()
                if consume("]") { return items }
                guard consume(",") else { return nil }
            }
        }

        private mutating func quoted() -> String? {
            guard consume("\"") else { return nil }
            // Most strings have no escape: find the closing quote and decode the run once.
            let start = position
            while position < end {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") {
                    position += 1
                    return String(validating: UnsafeBufferPointer(rebasing: bytes[start..<(position - 1)]), as: UTF8.self)
                }
                if byte == UInt8(ascii: "\\") || byte < 0x20 || byte == 0x7F { break }
                position += 1
            }
            position = start
            return quotedWithEscapes()
        }

        private mutating func quotedWithEscapes() -> String? {
            var text: [UInt8] = []
            while position < end {
                let byte = bytes[position]
                position += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(validating: text, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard position < end else { return nil }
                    let escape = bytes[position]
                    position += 1
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escape)
                    case UInt8(ascii: "t"): text.append(0x09)
                    case UInt8(ascii: "n"): text.append(0x0A)
                    case UInt8(ascii: "u"):
                        guard let scalar = hexScalar(digits: 4) else { return nil }
                        text.append(contentsOf: String(Character(scalar)).utf8)
                    default:
                        return nil
                    }
                case 0x00..<0x20, 0x7F:
                    return nil
                default:
                    text.append(byte)
                }
            }
            return nil
        }

        private mutating func hexScalar(digits: Int) -> Unicode.Scalar? {
            guard end - position >= digits else { return nil }
            var value: UInt32 = 0
            for _ in 0..<digits {
                guard let digit = Self.hexValue(bytes[position]) else { return nil }
                value = value << 4 | digit
                position += 1
            }
            return Unicode.Scalar(value)
        }

        private static func hexValue(_ byte: UInt8) -> UInt32? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
            default: nil
            }
        }

        private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
        }

        private static func isWordByte(_ byte: UInt8) -> Bool {
            isLetterOrDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "/")
        }
    }

    /// The file's `gazetteer:` defaults, from a flow mapping or an indented block.
    struct Defaults {
        var label: String?
        var caseSensitive: Bool?

        /// Reads the value of `key`; false for a key the defaults do not have, a repeated key or a bad value.
        mutating func read(_ key: Cursor.Key, from cursor: inout Cursor) -> Bool {
            switch key {
            case .label where label == nil: label = cursor.value(); return label != nil
            case .caseKey where caseSensitive == nil: caseSensitive = cursor.caseValue(); return caseSensitive != nil
            default: return false
            }
        }
    }
}
