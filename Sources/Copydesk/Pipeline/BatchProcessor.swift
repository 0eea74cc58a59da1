/// What a worker made of one input batch, ready to be written in order.
struct OutputBatch: Sendable {
    var output: [UInt8] = []
    var dropped: [UInt8] = []
    var rejects: [UInt8] = []
    var messages: [String] = []
    var summary = RunSummary()
    /// Set when a document failed with `stopsRun`: the run stops after this batch.
    var stop: String?
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
        if pipeline.hasBatchStages {
            processStaged(batch, into: &result)
            return result
        }
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
        finish(document, object: object, line: line, into: &result)
    }

    /// Batch stages present: decode every line, run the pipeline stage by stage over the
    /// batch, then write the documents in input order.
    private func processStaged(_ batch: InputBatch, into result: inout OutputBatch) {
        enum Entry {
            case overlong(number: Int, length: Int)
            case rejected(Range<Int>, InputRejection)
            case document(Range<Int>, JSONLineObject)
        }
        var entries: [Entry] = []
        var documents: [Document] = []
        batch.bytes.withUnsafeBufferPointer { bytes in
            for item in batch.items {
                switch item {
                case .overlong(let number, let length):
                    entries.append(.overlong(number: number, length: length))
                case .line(let range, let number):
                    let line = UnsafeBufferPointer(rebasing: bytes[range])
                    if line.allSatisfy(DocumentCodec.isJSONSpace) { continue }
                    switch decode(line, number: number) {
                    case .failure(let error):
                        entries.append(.rejected(range, error))
                    case .success(let (decoded, object)):
                        var document = decoded
                        document.tracksOrigins = context.tracksOrigins
                        documents.append(document)
                        entries.append(.document(range, object))
                    }
                }
            }
        }
        pipeline.process(batch: &documents, context: context)
        var next = 0
        batch.bytes.withUnsafeBufferPointer { bytes in
            for entry in entries {
                switch entry {
                case .overlong(let number, let length):
                    result.summary.read += 1
                    result.summary.rejected += 1
                    result.messages.append("\(options.inputName):\(number): error: line is \(length) bytes, over the limit of \(options.maxLineBytes) (--max-line-bytes)")
                case .rejected(let range, let error):
                    result.summary.read += 1
                    reject(UnsafeBufferPointer(rebasing: bytes[range]), error, into: &result)
                case .document(let range, let object):
                    result.summary.read += 1
                    finish(documents[next], object: object, line: UnsafeBufferPointer(rebasing: bytes[range]), into: &result)
                    next += 1
                }
            }
        }
    }

    private func decode(_ line: UnsafeBufferPointer<UInt8>, number: Int) -> Result<(Document, JSONLineObject), InputRejection> {
        do {
            return .success(try codec.decodeLine(line, lineNumber: number, sequence: number))
        } catch {
            return .failure(error)
        }
    }

    /// Counts and writes one processed document where its outcome sends it.
    private func finish(_ document: Document, object: JSONLineObject, line: UnsafeBufferPointer<UInt8>, into result: inout OutputBatch) {
        result.summary.documentErrors += document.errors.count
        if let settlement = document.settlement {
            let message = "\(options.inputName):\(document.line): error: [\(settlement.stage)] \(settlement.reason)"
            result.messages.append(message)
            if settlement.kind == .failed {
                result.summary.failed += 1
            } else {
                result.summary.rejected += 1
            }
            if settlement.stopsRun && result.stop == nil { result.stop = message }
            result.rejects.append(contentsOf: line)
            result.rejects.append(UInt8(ascii: "\n"))
            return
        }
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
