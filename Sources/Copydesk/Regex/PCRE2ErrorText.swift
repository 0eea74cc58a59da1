internal import CPCRE2

/// PCRE2 error codes as text.
enum PCRE2ErrorText {
    /// pcre2_get_error_message for `code`, or a generic text if PCRE2 does not know it.
    static func message(for code: Int32) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 256) { buffer -> String in
            guard let base = buffer.baseAddress else { return "PCRE2 error \(code)" }
            let length = pcre2_get_error_message_8(code, base, buffer.count)
            guard length > 0 else { return "PCRE2 error \(code)" }
            return String(decoding: UnsafeBufferPointer(start: base, count: Int(length)), as: UTF8.self)
        }
    }
}
