import CZstd

/// Writes one zstd frame, with a content checksum, at level 3 (zstd's default). Owns the context.
final class ZstdEncoder: StreamEncoder {
    private let name: String
    private let context: OpaquePointer
    private let output: UnsafeMutableRawBufferPointer

    init(name: String, level: Int32 = 3) throws(OutputWriteError) {
        guard let context = ZSTD_createCCtx() else {
            throw OutputWriteError(name: name, message: "cannot start the zstd encoder")
        }
        self.name = name
        self.context = context
        output = .allocate(byteCount: ZSTD_CStreamOutSize(), alignment: 16)
        for (parameter, value) in [(ZSTD_c_compressionLevel, level), (ZSTD_c_checksumFlag, 1)] {
            let result = ZSTD_CCtx_setParameter(context, parameter, value)
            // A throw from here on runs deinit, which frees the context and the buffer.
            if ZSTD_isError(result) != 0 {
                throw OutputWriteError(name: name, message: "zstd: \(String(cString: ZSTD_getErrorName(result)))")
            }
        }
    }

    deinit {
        ZSTD_freeCCtx(context)
        output.deallocate()
    }

    func encode(_ bytes: UnsafeRawBufferPointer, emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard !bytes.isEmpty else { return }
        var source = ZSTD_inBuffer(src: bytes.baseAddress, size: bytes.count, pos: 0)
        while source.pos < source.size {
            try step(&source, ZSTD_e_continue, emit: emit)
        }
    }

    func finish(emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        var source = ZSTD_inBuffer(src: nil, size: 0, pos: 0)
        while try step(&source, ZSTD_e_end, emit: emit) != 0 {}
    }

    /// One call of ZSTD_compressStream2; returns what zstd says is left to flush.
    @discardableResult
    private func step(_ source: inout ZSTD_inBuffer, _ directive: ZSTD_EndDirective, emit: (UnsafeRawBufferPointer) throws -> Void) throws -> Int {
        var target = ZSTD_outBuffer(dst: output.baseAddress, size: output.count, pos: 0)
        let remaining = ZSTD_compressStream2(context, &target, &source, directive)
        if ZSTD_isError(remaining) != 0 {
            throw OutputWriteError(name: name, message: "zstd: \(String(cString: ZSTD_getErrorName(remaining)))")
        }
        if target.pos > 0 { try emit(UnsafeRawBufferPointer(rebasing: output[..<target.pos])) }
        return remaining
    }
}
