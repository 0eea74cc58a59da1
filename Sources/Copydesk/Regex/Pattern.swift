internal import CPCRE2

/// A compiled PCRE2 pattern (UTF mode), JIT-compiled once at creation.
///
/// Immutable after `init`, so one `Pattern` may be used from many threads at
/// once; each thread brings its own `MatchScratch`.
public final class Pattern: @unchecked Sendable {
    /// The pattern as written.
    public let source: String
    public let options: RegexOptions
    /// Number of capture groups, not counting group 0.
    public let captureCount: Int
    /// True when matching runs JIT-compiled code; false when JIT compilation failed or was not asked for.
    public let isJITCompiled: Bool
    /// Group number of each named group. With duplicate names (`(?J)`), the lowest number.
    public let groupNames: [String: Int]
    /// PCRE2's lower bound on the length of a match, in characters; 0 when the pattern may match the empty string.
    public let minimumLength: Int

    /// The compiled code; never nil after `init`, owned and freed by this object.
    let code: OpaquePointer

    /// Compiles `source` with PCRE2_UTF plus `options`, then JIT-compiles it.
    ///
    /// If JIT compilation fails the pattern still works through the interpreter.
    public convenience init(_ source: String, options: RegexOptions = []) throws(PatternError) {
        try self.init(source, options: options, jit: true)
    }

    /// Compiles `source`; `jit: false` keeps the interpreter (whose depth and heap limits apply).
    public init(_ source: String, options: RegexOptions, jit: Bool) throws(PatternError) {
        let flags = PCRE2_UTF | PCRE2_NEVER_BACKSLASH_C | options.pcre2CompileOptions
        var errorCode: Int32 = 0
        var errorOffset = 0
        let utf8 = Array(source.utf8)
        let compiled = utf8.withUnsafeBufferPointer { bytes in
            Self.withNonNullBase(bytes) { base in
                pcre2_compile_8(base, bytes.count, flags, &errorCode, &errorOffset, nil)
            }
        }
        guard let compiled else {
            throw PatternError(
                message: PCRE2ErrorText.message(for: errorCode),
                offset: RegexUTF8Offsets.codePointOffset(ofByte: errorOffset, in: utf8)
            )
        }
        self.code = compiled
        self.source = source
        self.options = options
        self.captureCount = Int(Self.info(compiled, PCRE2_INFO_CAPTURECOUNT))
        self.groupNames = Self.nameTable(compiled)
        self.minimumLength = Int(Self.info(compiled, PCRE2_INFO_MINLENGTH))
        self.isJITCompiled = jit && pcre2_jit_compile_8(compiled, PCRE2_JIT_COMPLETE) == 0
    }

    deinit {
        pcre2_code_free_8(code)
    }

    /// Group number for `name`, or nil if the pattern has no such named group.
    public func groupNumber(named name: String) -> Int? {
        groupNames[name]
    }

    /// A UInt32 item from pcre2_pattern_info, 0 if PCRE2 refuses.
    private static func info(_ code: OpaquePointer, _ what: Int32) -> UInt32 {
        var value: UInt32 = 0
        return pcre2_pattern_info_8(code, UInt32(what), &value) == 0 ? value : 0
    }

    /// Reads the name table: entries of a 2-byte big-endian group number and a NUL-terminated name.
    private static func nameTable(_ code: OpaquePointer) -> [String: Int] {
        let count = Int(info(code, PCRE2_INFO_NAMECOUNT))
        let entrySize = Int(info(code, PCRE2_INFO_NAMEENTRYSIZE))
        guard count > 0, entrySize > 2 else { return [:] }
        var table: UnsafePointer<UInt8>?
        guard pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMETABLE), &table) == 0, let table else {
            return [:]
        }
        var names: [String: Int] = [:]
        for index in 0..<count {
            let entry = table + index * entrySize
            let number = Int(entry[0]) << 8 | Int(entry[1])
            var length = 0
            while length < entrySize - 2, entry[2 + length] != 0 { length += 1 }
            let name = String(decoding: UnsafeBufferPointer(start: entry + 2, count: length), as: UTF8.self)
            if let existing = names[name], existing <= number { continue }
            names[name] = number
        }
        return names
    }

    /// Calls `body` with a non-nil base pointer, even for an empty buffer (PCRE2 10.42 rejects NULL).
    static func withNonNullBase<R>(
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ body: (UnsafePointer<UInt8>) -> R
    ) -> R {
        if let base = bytes.baseAddress { return body(base) }
        var empty: UInt8 = 0
        return withUnsafePointer(to: &empty) { body($0) }
    }
}
