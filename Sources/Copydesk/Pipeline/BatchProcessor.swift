/// What a worker made of one input batch, ready to be written in order.
struct OutputBatch: Sendable {
    var output: [UInt8] = []
    var dropped: [UInt8] = []
    var rejects: [UInt8] = []
    var messages: [String] = []
    var summary = RunSummary()
}

/// Decodes, processes and encodes the documents of a batch. One per worker.
struct BatchProcessor {
    let pipeline: Pipeline
    let options: RunOptions
    let context: WorkerContext

    private var codec: DocumentCodec { options.codec }

    func process(_ batch: InputBatch) -> OutputBatch {
        var result = OutputBatch()
        result.summary.bytesRead = batch.bytes.count
        // Room for the annotations too, so the batch's buffer is not regrown (and copied) while
        // it fills: with --explain, removed text is written twice more.
        let growth = codec.explain ? 2 : 1
        result.output.reserveCapacity(batch.bytes.count * growth + batch.items.count * 128)
        batch.bytes.withUnsafeBufferPointer { bytes in
            for item in batch.items {
                switch item {
                case .overlong(let number, let length):
                    result.summary.read += 1
                    result.summary.rejected += 1
                    result.messages.append("\(options.inputName):\(number): error: line is \(length) bytes, over the limit of \(options.maxLineBytes) (--max-line-bytes)")
                case .line(let range, let number):
                    processLine(UnsafeBufferPointer(rebasing: bytes[range]), number: number, into: &result)
                }
            }
        }
        return result
    }

    private func processLine(_ line: UnsafeBufferPointer<UInt8>, number: Int, into result: inout OutputBatch) {
        if line.allSatisfy(DocumentCodec.isJSONSpace) { return }
        result.summary.read += 1
        let decoded: (Document, JSONLineObject)
        do {
            decoded = try codec.decodeLine(line, lineNumber: number, sequence: number)
        } catch {
            reject(line, error, into: &result)
            return
        }
        var (document, object) = decoded
        document.tracksOrigins = context.tracksOrigins
        pipeline.process(&document, context: context)
        result.summary.documentErrors += document.errors.count
        if document.decision == .drop {
            result.summary.dropped += 1
            codec.encodeLine(document, object: object, line: line, into: &result.dropped)
            return
        }
        result.summary.written += 1
        if document.decision == .flag { result.summary.flagged += 1 }
        switch options.outputFormat ?? .jsonl {
        case .jsonl:
            codec.encodeLine(document, object: object, line: line, into: &result.output)
        case .text:
            codec.encodeText(document, into: &result.output)
            result.output.append(UInt8(ascii: "\n"))
        }
    }

    private func reject(_ line: UnsafeBufferPointer<UInt8>, _ error: InputRejection, into result: inout OutputBatch) {
        result.summary.rejected += 1
        result.messages.append("\(options.inputName):\(error.line):\(error.column ?? 1): error: \(error.message)")
        result.rejects.append(contentsOf: line)
        result.rejects.append(UInt8(ascii: "\n"))
    }
}
