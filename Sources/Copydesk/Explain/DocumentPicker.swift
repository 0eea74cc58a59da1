/// Finds one document in an input, as `copydesk run` would read it, without reading past it.
public struct DocumentPicker: Sendable {
    public var codec: DocumentCodec
    /// `.auto` chooses as `run` does: JSON Lines if the first non-blank byte is `{`.
    public var inputFormat: InputFormat
    /// The input's name in messages.
    public var inputName: String

    public init(codec: DocumentCodec = DocumentCodec(), inputFormat: InputFormat = .auto, inputName: String = "<stdin>") {
        self.codec = codec
        self.inputFormat = inputFormat
        self.inputName = inputName
    }

    /// Reads `descriptor` up to the selected document and decodes it.
    public func pick(_ selector: DocumentSelector, from descriptor: Int32) throws(DocumentPickError) -> PickedDocument {
        let reader = InputReader(descriptor: descriptor, name: inputName)
        var head: [UInt8] = []
        let format: InputFormat
        do {
            format = try reader.detectFormat(inputFormat, head: &head)
        } catch {
            throw .readFailed(error)
        }
        if format == .jsonl {
            return try pickLine(selector, reader: reader, head: head)
        }
        return try pickText(selector, reader: reader, head: head)
    }

    private func pickText(_ selector: DocumentSelector, reader: InputReader, head: [UInt8]) throws(DocumentPickError) -> PickedDocument {
        guard selector == .first else {
            throw .notFound("\(inputName) is plain text, which is one document: it has no id or line to pick")
        }
        var bytes = head
        while try read(reader, into: &bytes) > 0 {}
        if bytes.allSatisfy(DocumentCodec.isJSONSpace) { throw .notFound("\(inputName) holds no document") }
        do {
            let document = try bytes.withUnsafeBufferPointer { (buffer) throws(InputRejection) in try codec.decodeText(buffer) }
            return PickedDocument(document: document, inputName: inputName, format: .text)
        } catch {
            throw .rejected(error)
        }
    }

    private func pickLine(_ selector: DocumentSelector, reader: InputReader, head: [UInt8]) throws(DocumentPickError) -> PickedDocument {
        var buffer = head
        var start = 0
        var lineNumber = 0
        var unsearchable = 0
        while true {
            while let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                lineNumber += 1
                if let picked = try consider(start..<newline, of: buffer, number: lineNumber, selector, unsearchable: &unsearchable) {
                    return picked
                }
                start = newline + 1
            }
            buffer.removeSubrange(..<start)
            start = 0
            if try read(reader, into: &buffer) == 0 { break }
        }
        if !buffer.isEmpty {
            lineNumber += 1
            if let picked = try consider(0..<buffer.count, of: buffer, number: lineNumber, selector, unsearchable: &unsearchable) {
                return picked
            }
        }
        switch selector {
        case .first:
            throw .notFound("\(inputName) holds no document")
        case .line(let wanted):
            throw .notFound("\(inputName) has \(lineNumber) line\(lineNumber == 1 ? "" : "s"), so there is no line \(wanted)")
        case .id(let wanted):
            let skipped = switch unsearchable {
            case 0: ""
            case 1: " (1 line is not a JSON object and could not be searched)"
            default: " (\(unsearchable) lines are not JSON objects and could not be searched)"
            }
            throw .notFound("no document in \(inputName) has id \(YAMLNode.quoted(wanted, limit: 80))\(skipped)")
        }
    }

    /// The document on this line if the selector picks it; nil to read on.
    private func consider(
        _ range: Range<Int>, of buffer: [UInt8], number: Int, _ selector: DocumentSelector, unsearchable: inout Int
    ) throws(DocumentPickError) -> PickedDocument? {
        try buffer.withUnsafeBufferPointer { (whole) throws(DocumentPickError) -> PickedDocument? in
            let line = UnsafeBufferPointer(rebasing: whole[range])
            let blank = line.allSatisfy(DocumentCodec.isJSONSpace)
            switch selector {
            case .first:
                return blank ? nil : try decode(line, number: number)
            case .line(let wanted):
                guard number == wanted else { return nil }
                if blank { throw .notFound("line \(wanted) of \(inputName) is blank") }
                return try decode(line, number: number)
            case .id(let wanted):
                if blank { return nil }
                guard let object = try? JSONLineObject.parse(line) else {
                    unsearchable += 1
                    return nil
                }
                return Self.id(of: object, in: line) == wanted ? try decode(line, number: number) : nil
            }
        }
    }

    private func decode(_ line: UnsafeBufferPointer<UInt8>, number: Int) throws(DocumentPickError) -> PickedDocument {
        do {
            let (document, object) = try codec.decodeLine(line, lineNumber: number, sequence: number - 1)
            return PickedDocument(document: document, inputName: inputName, format: .jsonl, id: Self.id(of: object, in: line))
        } catch {
            throw .rejected(error)
        }
    }

    /// The `id` member as text: a string's value, or any other value as spelled in the line.
    static func id(of object: JSONLineObject, in line: UnsafeBufferPointer<UInt8>) -> String? {
        guard let member = object.member(named: "id") else { return nil }
        let token = UnsafeBufferPointer(rebasing: line[member.valueRange])
        return String(decoding: member.isString ? JSONString.decode(token) : Array(token), as: UTF8.self)
    }

    private func read(_ reader: InputReader, into buffer: inout [UInt8]) throws(DocumentPickError) -> Int {
        do {
            return try reader.read(into: &buffer)
        } catch {
            throw .readFailed(error)
        }
    }
}
