import CZlib

/// Writes one gzip member at the default level (6). Owns the zlib stream, on the heap
/// because zlib keeps a pointer to it.
final class GzipEncoder: StreamEncoder {
    private let name: String
    private let stream: UnsafeMutablePointer<z_stream>
    private let output: UnsafeMutableRawBufferPointer

    init(name: String, level: Int32 = Z_DEFAULT_COMPRESSION) throws(OutputWriteError) {
        self.name = name
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        output = .allocate(byteCount: 128 * 1024, alignment: 16)
        let status = copydesk_deflate_init_gzip(stream, level)
        // A throw from here on runs deinit, which frees what init allocated (deflateEnd ignores a
        // stream that never started).
        guard status == Z_OK else {
            throw OutputWriteError(name: name, message: "cannot start the gzip encoder (zlib status \(status))")
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
        output.deallocate()
    }

    func encode(_ bytes: UnsafeRawBufferPointer, emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        // avail_in is 32-bit: feed very large writes in pieces.
        var offset = 0
        while offset < bytes.count {
            let piece = min(bytes.count - offset, 1 << 30)
            stream.pointee.next_in = UnsafeMutablePointer(mutating: (base + offset).assumingMemoryBound(to: Bytef.self))
            stream.pointee.avail_in = uInt(piece)
            try run(flush: Z_NO_FLUSH, emit: emit)
            offset += piece
        }
    }

    func finish(emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        stream.pointee.next_in = nil
        stream.pointee.avail_in = 0
        try run(flush: Z_FINISH, emit: emit)
    }

    /// Deflates until the input is used up (or, with Z_FINISH, until the stream ends).
    private func run(flush: Int32, emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        while true {
            stream.pointee.next_out = output.baseAddress!.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(output.count)
            let status = deflate(stream, flush)
            let produced = output.count - Int(stream.pointee.avail_out)
            if produced > 0 { try emit(UnsafeRawBufferPointer(rebasing: output[..<produced])) }
            switch status {
            case Z_STREAM_END:
                return
            case Z_OK, Z_BUF_ERROR:
                if flush != Z_FINISH && stream.pointee.avail_in == 0 && stream.pointee.avail_out != 0 { return }
            default:
                throw OutputWriteError(name: name, message: "gzip encoder failed (zlib status \(status))")
            }
        }
    }
}
