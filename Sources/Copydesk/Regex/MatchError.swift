internal import CPCRE2

/// A match attempt that failed for a reason other than "no match", such as a resource limit.
public struct MatchError: Error, Sendable, CustomStringConvertible {
    /// Which limit was hit, if any.
    public enum Kind: Sendable, Hashable {
        case matchLimit
        case heapLimit
        case depthLimit
        case jitStackLimit
        case other
    }

    public var kind: Kind
    /// The negative PCRE2 error code.
    public var code: Int32
    /// PCRE2's text for `code` (from pcre2_get_error_message).
    public var message: String

    public init(kind: Kind, code: Int32, message: String) {
        self.kind = kind
        self.code = code
        self.message = message
    }

    /// The error for a negative pcre2_match result other than PCRE2_ERROR_NOMATCH.
    init(pcre2Code code: Int32) {
        let kind: Kind = switch code {
        case PCRE2_ERROR_MATCHLIMIT: .matchLimit
        case PCRE2_ERROR_HEAPLIMIT: .heapLimit
        case PCRE2_ERROR_DEPTHLIMIT: .depthLimit
        case PCRE2_ERROR_JIT_STACKLIMIT: .jitStackLimit
        default: .other
        }
        self.init(kind: kind, code: code, message: PCRE2ErrorText.message(for: code))
    }

    public var description: String {
        "match failed: \(message) (PCRE2 error \(code))"
    }
}
