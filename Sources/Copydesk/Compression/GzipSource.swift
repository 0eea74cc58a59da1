import CZlib

/// Decompresses a gzip stream read from another source. Concatenated gzip members (what
/// `cat a.gz b.gz` or a parallel gzip writes) are read one after the other as one stream.
/// Owns the zlib stream; the `z_stream` lives on the heap because zlib keeps a pointer to it.
final class GzipSource: ByteSource {
    private let inner: any ByteSource
    private let name: String
    private let stream: UnsafeMutablePointer<z_stream>
    private let input: UnsafeMutableRawBufferPointer
    private var inputStart = 0
    private var inputEnd = 0
    private var innerAtEnd = false
    /// Inside a member: its end has not been seen yet.
    private var inMember = false
    private var needsReset = false

    init(_ inner: any ByteSource, name: String, inputSize: Int = 128 * 1024) throws(InputReadError) {
        self.inner = inner
        self.name = name
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        input = .allocate(byteCount: inputSize, alignment: 16)
        let status = copydesk_inflate_init_gzip(stream)
        // A throw from here on runs deinit, which frees what init allocated (inflateEnd ignores a
        // stream that never started).
        guard status == Z_OK else {
            throw InputReadError(name: name, message: "cannot start the gzip decoder (zlib status \(status))")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
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
            if inputStart == inputEnd {
                if inMember { throw InputReadError(name: name, message: "truncated gzip data") }
                return 0
            }
            if needsReset {
                inflateReset(stream)
                needsReset = false
            }
            inMember = true
            let available = inputEnd - inputStart
            stream.pointee.next_in = (input.baseAddress! + inputStart).assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_in = uInt(available)
            stream.pointee.next_out = outBase.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(buffer.count)
            let status = inflate(stream, Z_NO_FLUSH)
            let consumed = available - Int(stream.pointee.avail_in)
            let produced = buffer.count - Int(stream.pointee.avail_out)
            inputStart += consumed
            switch status {
            case Z_STREAM_END:
                inMember = false
                needsReset = true
            case Z_OK, Z_BUF_ERROR:
                if consumed == 0 && produced == 0 {
                    throw InputReadError(name: name, message: "bad gzip data: the decoder made no progress")
                }
            default:
                let detail = stream.pointee.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                throw InputReadError(name: name, message: "bad gzip data: \(detail)")
            }
            if produced > 0 { return produced }
        }
    }
}
