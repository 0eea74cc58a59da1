/// Compresses a stream written in pieces. `emit` receives compressed bytes as they are ready;
/// `finish` writes the end of the stream. Used by one thread at a time.
protocol StreamEncoder: AnyObject {
    func encode(_ bytes: UnsafeRawBufferPointer, emit: (UnsafeRawBufferPointer) throws -> Void) throws
    func finish(emit: (UnsafeRawBufferPointer) throws -> Void) throws
}
