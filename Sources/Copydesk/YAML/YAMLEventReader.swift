import CYAML

/// Owns a libyaml parser and the input it reads, and hands out events as Swift values.
///
/// libyaml keeps pointers into both the parser struct and the input, so both live on the
/// heap for as long as this object does, and `deinit` frees them. Every C event is
/// deleted as soon as it has been copied.
final class YAMLEventReader {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let input: UnsafeMutableBufferPointer<UInt8>
    /// The number of input bytes (the buffer holds at least one byte, even for empty input).
    private let inputLength: Int
    private let file: String
    /// Whether the input starts with a UTF-8 byte order mark, which libyaml counts as a column.
    private let hasByteOrderMark: Bool
    /// Whether `yaml_parser_initialize` succeeded, so `yaml_parser_delete` is due.
    private let isInitialized: Bool
    /// Set once the stream has ended or failed; libyaml must not be asked for more after that.
    private var isFinished = false

    /// Prepares to read `bytes`, which must be UTF-8; `file` goes into every mark.
    init(bytes: [UInt8], file: String) {
        self.file = file
        hasByteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        parser = .allocate(capacity: 1)
        input = .allocate(capacity: max(bytes.count, 1))
        inputLength = input.initialize(fromContentsOf: bytes)
        if yaml_parser_initialize(parser) != 0, let base = input.baseAddress {
            isInitialized = true
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, base, inputLength)
        } else {
            isInitialized = false
        }
    }

    deinit {
        if isInitialized {
            yaml_parser_delete(parser)
        }
        parser.deallocate()
        input.deallocate()
    }

    /// The next event; after the stream has ended, `streamEnd` again.
    func next() throws(Diagnostic) -> YAMLEvent {
        guard isInitialized else {
            throw Diagnostic(.error, "cannot start the YAML parser: out of memory", at: nil)
        }
        if isFinished { return .streamEnd }
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) != 0 else {
            isFinished = true
            throw currentError()
        }
        defer { yaml_event_delete(&event) }
        let converted = convert(event)
        if case .streamEnd = converted { isFinished = true }
        return converted
    }

    /// Hands the next event to `body` as it sits in libyaml's memory, without copying anything
    /// into Swift values: for readers of large files (a gazetteer) that keep only a few scalars.
    /// The event is valid only inside `body`. After the stream has ended, `streamEnd` again.
    func withNextEvent<Result>(_ body: (RawYAMLEvent) throws(Diagnostic) -> Result) throws(Diagnostic) -> Result {
        guard isInitialized else {
            throw Diagnostic(.error, "cannot start the YAML parser: out of memory", at: nil)
        }
        if isFinished { return try body(RawYAMLEvent(kind: .streamEnd, value: UnsafeBufferPointer(start: nil, count: 0), line: 0, column: 0)) }
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) != 0 else {
            isFinished = true
            throw currentError()
        }
        defer { yaml_event_delete(&event) }
        let kind: RawYAMLEvent.Kind
        var value = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        switch event.type {
        case YAML_STREAM_START_EVENT: kind = .streamStart
        case YAML_DOCUMENT_START_EVENT: kind = .documentStart
        case YAML_DOCUMENT_END_EVENT: kind = .documentEnd
        case YAML_ALIAS_EVENT: kind = .alias
        case YAML_SCALAR_EVENT:
            kind = .scalar
            value = UnsafeBufferPointer(start: event.data.scalar.value, count: event.data.scalar.length)
        case YAML_SEQUENCE_START_EVENT: kind = .sequenceStart
        case YAML_SEQUENCE_END_EVENT: kind = .sequenceEnd
        case YAML_MAPPING_START_EVENT: kind = .mappingStart
        case YAML_MAPPING_END_EVENT: kind = .mappingEnd
        default:
            kind = .streamEnd
            isFinished = true
        }
        return try body(RawYAMLEvent(kind: kind, value: value, line: Int(event.start_mark.line), column: Int(event.start_mark.column)))
    }

    /// The 1-based `SourceMark` of a raw event's 0-based position.
    func mark(of event: RawYAMLEvent) -> SourceMark {
        var mark = yaml_mark_t()
        mark.line = event.line
        mark.column = event.column
        return sourceMark(mark)
    }

    private func convert(_ event: yaml_event_t) -> YAMLEvent {
        let mark = sourceMark(event.start_mark)
        switch event.type {
        case YAML_STREAM_START_EVENT:
            return .streamStart
        case YAML_DOCUMENT_START_EVENT:
            return .documentStart(mark)
        case YAML_DOCUMENT_END_EVENT:
            return .documentEnd
        case YAML_ALIAS_EVENT:
            return .alias(anchor: string(event.data.alias.anchor) ?? "", mark: mark)
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let value = data.value.map {
                String(decoding: UnsafeBufferPointer(start: $0, count: data.length), as: UTF8.self)
            } ?? ""
            let scalar = YAMLScalar(value: value, style: style(data.style))
            return .scalar(scalar, anchor: string(data.anchor), tag: tag(data.tag), mark: mark)
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            return .sequenceStart(anchor: string(data.anchor), tag: tag(data.tag), mark: mark)
        case YAML_SEQUENCE_END_EVENT:
            return .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            return .mappingStart(anchor: string(data.anchor), tag: tag(data.tag), mark: mark)
        case YAML_MAPPING_END_EVENT:
            return .mappingEnd
        default:
            // YAML_STREAM_END_EVENT, and YAML_NO_EVENT which libyaml gives once the stream is over.
            return .streamEnd
        }
    }

    private func style(_ style: yaml_scalar_style_t) -> YAMLScalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    /// The tag, with `tag:yaml.org,2002:` shortened back to the `!!` the document used.
    private func tag(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let tag = string(pointer) else { return nil }
        let standardPrefix = "tag:yaml.org,2002:"
        if tag.hasPrefix(standardPrefix) {
            return "!!" + tag.dropFirst(standardPrefix.count)
        }
        return tag
    }

    /// libyaml's 0-based mark made 1-based, not counting a byte order mark as a column.
    private func sourceMark(_ mark: yaml_mark_t) -> SourceMark {
        let line = Int(mark.line) + 1
        let column = Int(mark.column) + (hasByteOrderMark && line == 1 ? 0 : 1)
        return SourceMark(file: file, line: line, column: max(1, column))
    }

    /// The parser's error as a diagnostic: libyaml's problem text and context, at the problem's mark.
    private func currentError() -> Diagnostic {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "unknown YAML error"
        switch state.error {
        case YAML_MEMORY_ERROR:
            return Diagnostic(.error, "out of memory while parsing YAML", at: nil)
        case YAML_READER_ERROR:
            return readerError(problem: problem, offset: state.problem_offset, value: state.problem_value)
        default:
            var message = problem
            if let context = state.context.map({ String(cString: $0) }) {
                let mark = sourceMark(state.context_mark)
                message += " (\(context) at line \(mark.line), column \(mark.column))"
            }
            return Diagnostic(.error, message, at: sourceMark(state.problem_mark))
        }
    }

    /// The text before byte `offset`, up to the start of the UTF-8 sequence that libyaml rejected.
    private func validPrefix(upTo offset: Int) -> String {
        var bytes = UnsafeBufferPointer(rebasing: input[..<min(offset, inputLength)]).makeIterator()
        var decoder = UTF8()
        var scalars = String.UnicodeScalarView()
        decoding: while true {
            switch decoder.decode(&bytes) {
            case .scalarValue(let scalar):
                if !(scalar == "\u{FEFF}" && scalars.isEmpty) { scalars.append(scalar) }
            case .emptyInput, .error:
                break decoding
            }
        }
        return String(scalars)
    }

    /// Reader errors (bad UTF-8, control characters) carry a byte offset instead of a mark.
    private func readerError(problem: String, offset: Int, value: Int32) -> Diagnostic {
        let position = SourceLines.endPosition(of: validPrefix(upTo: offset))
        let mark = SourceMark(file: file, line: position.line, column: position.column)
        var message = problem
        if value >= 0 {
            let isOctet = problem.contains("octet") || problem.contains("sequence")
            let hex = String(value, radix: 16, uppercase: true)
            message += isOctet
                ? " (byte 0x\(hex.count < 2 ? "0" + hex : hex))"
                : " (U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex))"
        }
        return Diagnostic(.error, message, at: mark)
    }
}
