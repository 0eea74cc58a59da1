/// Why a CoNLL file could not be read.
public enum CoNLLError: Error, Equatable, CustomStringConvertible {
    /// The file could not be opened or is not UTF-8.
    case unreadable(path: String, reason: String)
    /// A non-blank line without at least a token and a tag.
    case malformedLine(path: String, line: Int, text: String)
    /// A tag other than `O`, `B-X` or `I-X` with X one of PER, ORG, LOC, MISC.
    case unknownTag(path: String, line: Int, tag: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason): "\(path): cannot read CoNLL file: \(reason)"
        case let .malformedLine(path, line, text): "\(path):\(line): expected 'TOKEN ... TAG', found '\(text)'"
        case let .unknownTag(path, line, tag): "\(path):\(line): unknown NER tag '\(tag)'"
        }
    }
}
