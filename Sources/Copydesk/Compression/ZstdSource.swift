import CZstd

/// Decompresses a zstd stream (one or more frames) read from another source. Owns the
/// decompression context.
final class ZstdSource: ByteSource {
    private let inner: any ByteSource
    private let name: String
    private let context: OpaquePointer
    private let input: UnsafeMutableRawBufferPointer
    private var inputStart = 0
    private var inputEnd = 0
    private var innerAtEnd = false
    /// Inside a frame: ZSTD_decompressStream has not reported its end yet.
    private var inFrame = false

    init(_ inner: any ByteSource, name: String) throws(InputReadError) {
        guard let context = ZSTD_createDCtx() else {
            throw InputReadError(name: name, message: "cannot start the zstd decoder")
        }
        self.inner = inner
        self.name = name
        self.context = context
        input = .allocate(byteCount: ZSTD_DStreamInSize(), alignment: 16)
    }

    deinit {
        ZSTD_freeDCtx(context)
        input.deallocate()
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputReadError) -> Int {
        guard let outBase = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            if inputStart == inputEnd && !innerAtEnd {
                inputStart = 0
                inputEnd = try inner.read(into: input)
                if inputEnd == 0 { innerAtEnd = true }
            }
            // At the end of the input, a frame may still hold decoded bytes: drain it first.
            if inputStart == inputEnd && innerAtEnd && !inFrame { return 0 }
            var source = ZSTD_inBuffer(src: input.baseAddress, size: inputEnd, pos: inputStart)
            var target = ZSTD_outBuffer(dst: outBase, size: buffer.count, pos: 0)
            let hint = ZSTD_decompressStream(context, &target, &source)
            if ZSTD_isError(hint) != 0 {
                throw InputReadError(name: name, message: "bad zstd data: \(String(cString: ZSTD_getErrorName(hint)))")
            }
            let consumed = source.pos - inputStart
            inputStart = source.pos
            inFrame = hint != 0
            if target.pos > 0 { return target.pos }
            if consumed == 0 && inputStart == inputEnd && innerAtEnd {
                if inFrame { throw InputReadError(name: name, message: "truncated zstd data") }
                return 0
            }
        }
    }
}
