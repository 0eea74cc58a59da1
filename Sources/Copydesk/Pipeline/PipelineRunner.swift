import Foundation

/// Streams documents from an input through a pipeline to an output, in input order.
///
/// JSON Lines input is cut into batches at read boundaries; `jobs` worker threads process
/// batches, and the calling thread writes results in order as soon as each is ready. At most
/// `4 × jobs` batches are in flight, so memory stays bounded whatever the input size.
public final class PipelineRunner: Sendable {
    /// The pipeline in service; a reload may swap it while the run goes on.
    public let holder: PipelineHolder
    public let options: RunOptions

    /// The pipeline in service now.
    public var pipeline: Pipeline { holder.current }

    /// Where documents and diagnostics go.
    public struct Sinks: Sendable {
        public var output: ByteSink
        public var rejects: ByteSink?
        public var dropped: ByteSink?
        /// Per-document messages (rejections). The summary line is the caller's to print.
        public var log: ByteSink

        public init(output: ByteSink, rejects: ByteSink? = nil, dropped: ByteSink? = nil, log: ByteSink) {
            self.output = output
            self.rejects = rejects
            self.dropped = dropped
            self.log = log
        }
    }

    /// Called on the writing thread after each batch is written, with the counts so far.
    public let progress: (@Sendable (RunSummary) -> Void)?

    public convenience init(pipeline: Pipeline, options: RunOptions, progress: (@Sendable (RunSummary) -> Void)? = nil) {
        self.init(holder: PipelineHolder(pipeline), options: options, progress: progress)
    }

    public init(holder: PipelineHolder, options: RunOptions, progress: (@Sendable (RunSummary) -> Void)? = nil) {
        self.holder = holder
        self.options = options
        self.progress = progress
    }

    /// Runs to the end of the input. Throws only when the input or an output fails.
    public func run(input descriptor: Int32, sinks: Sinks) throws -> RunSummary {
        try run(source: DescriptorSource(descriptor: descriptor, name: options.inputName), sinks: sinks)
    }

    /// Runs to the end of `source` (a file, or a decoder over one).
    public func run(source: any ByteSource, sinks: Sinks) throws -> RunSummary {
        let reader = InputReader(source: source, name: options.inputName)
        var head: [UInt8] = []
        let format = try reader.detectFormat(options.inputFormat, head: &head)
        switch format {
        case .text, .auto:
            return try runText(reader: reader, head: head, sinks: sinks)
        case .jsonl:
            return try runLines(reader: reader, head: head, sinks: sinks)
        }
    }

    private func runText(reader: InputReader, head: [UInt8], sinks: Sinks) throws -> RunSummary {
        let context = makeContext()
        var summary = try runText(reader: reader, head: head, sinks: sinks, context: context)
        summary.stats = context.stats
        summary.bytesRead = reader.bytesRead
        return summary
    }

    private func runText(reader: InputReader, head: [UInt8], sinks: Sinks, context: WorkerContext) throws -> RunSummary {
        var bytes = head
        while try reader.read(into: &bytes) > 0 {
            if bytes.count > options.maxLineBytes { break }
        }
        var summary = RunSummary()
        if bytes.allSatisfy(DocumentCodec.isJSONSpace) { return summary }
        summary.read = 1
        if bytes.count > options.maxLineBytes {
            summary.rejected = 1
            try sinks.rejects?.write(bytes)
            while true {
                bytes.removeAll(keepingCapacity: true)
                if try reader.read(into: &bytes) == 0 { break }
                try sinks.rejects?.write(bytes)
            }
            try sinks.log.write("\(options.inputName): error: input is over the limit of \(options.maxLineBytes) bytes (--max-line-bytes)\n")
            return summary
        }
        var document: Document
        do {
            document = try bytes.withUnsafeBufferPointer { (buffer) throws(InputRejection) in try options.codec.decodeText(buffer) }
        } catch {
            summary.rejected = 1
            try sinks.log.write("\(options.inputName):\(error.line):\(error.column ?? 1): error: \(error.message)\n")
            try sinks.rejects?.write(bytes)
            return summary
        }
        document.tracksOrigins = context.tracksOrigins
        pipeline.process(&document, context: context)
        summary.documentErrors = document.errors.count
        if let settlement = document.settlement {
            let message = "\(options.inputName): error: [\(settlement.stage)] \(settlement.reason)"
            if settlement.kind == .failed { summary.failed = 1 } else { summary.rejected = 1 }
            try sinks.log.write(message + "\n")
            try sinks.rejects?.write(bytes)
            if settlement.stopsRun { throw PipelineStopped(reason: message, summary: summary) }
            return summary
        }
        var out: [UInt8] = []
        if document.decision == .drop {
            summary.dropped = 1
            encodeTextAsJSON(document, into: &out)
            try sinks.dropped?.write(out)
            return summary
        }
        summary.written = 1
        if document.decision == .flag { summary.flagged = 1 }
        switch options.outputFormat ?? .text {
        case .text: options.codec.encodeText(document, into: &out)
        case .jsonl: encodeTextAsJSON(document, into: &out)
        }
        try sinks.output.write(out)
        return summary
    }

    /// A plain-text document as a JSON Lines record: `{"text": …, "copydesk": {…}}`.
    private func encodeTextAsJSON(_ document: Document, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        JSONString.encode(options.codec.textField, into: &out)
        out.append(UInt8(ascii: ":"))
        (document.field(options.codec.textField) ?? []).withUnsafeBufferPointer { JSONString.encode($0, into: &out) }
        out.append(UInt8(ascii: ","))
        JSONString.encode(options.codec.outputKey, into: &out)
        out.append(UInt8(ascii: ":"))
        options.codec.appendAnnotations(document, into: &out)
        out.append(contentsOf: Array("}\n".utf8))
    }

    private func runLines(reader: InputReader, head: [UInt8], sinks: Sinks) throws -> RunSummary {
        let batcher = LineBatcher(reader: reader, maxLineBytes: options.maxLineBytes, initial: head, rejects: sinks.rejects)
        let jobs = options.jobs
        let tickets = Tickets(jobs * 4)
        let queue = BlockingQueue<InputBatch>(capacity: jobs * 2)
        let results = ReorderBuffer<OutputBatch>()
        let total = BatchCount()
        let workers = WorkerStatsCollector(count: jobs)

        let readerThread = Thread { [batcher] in
            do {
                while tickets.acquire() {
                    guard let batch = try batcher.next() else { break }
                    queue.put(batch)
                    total.count = batch.index + 1
                }
            } catch {
                total.failure = "\(error)"
            }
            total.finished = true
            queue.close()
            // Wake the writer if it is waiting for a batch that will never come.
            results.put(OutputBatch(), at: -1)
        }
        readerThread.start()
        for _ in 0..<jobs {
            let options = options
            Thread { [self] in
                let context = makeContext()
                while let batch = queue.take() {
                    // Each batch runs on the pipeline in service when it starts, to the end.
                    let processor = BatchProcessor(pipeline: holder.current, options: options, context: context)
                    options.workSlots?.acquire()
                    let output = processor.process(batch)
                    options.workSlots?.release()
                    results.put(output, at: batch.index)
                }
                workers.finished(with: context.stats)
            }.start()
        }

        var summary = RunSummary()
        var next = 0
        defer {
            tickets.cancel()
            queue.close()
        }
        while true {
            if total.finished && next >= total.count { break }
            guard let batch = results.take(next, orFinished: { total.finished && next >= total.count }) else { break }
            try write(batch, to: sinks)
            summary.add(batch.summary)
            progress?(summary)
            if let reason = batch.stop {
                throw PipelineStopped(reason: reason, summary: summary)
            }
            tickets.release()
            next += 1
        }
        if let failure = total.failure {
            throw InputReadFailure(description: failure)
        }
        queue.close()
        summary.stats = workers.waitForAll()
        summary.bytesRead = reader.bytesRead
        return summary
    }

    private func makeContext() -> WorkerContext {
        WorkerContext(
            limits: options.matchLimits, tracksOrigins: options.codec.explain,
            stats: options.collectsStats ? PipelineStats(for: pipeline) : nil)
    }

    private func write(_ batch: OutputBatch, to sinks: Sinks) throws {
        if !batch.messages.isEmpty {
            try sinks.log.write(batch.messages.joined(separator: "\n") + "\n")
        }
        try sinks.output.write(batch.output)
        try sinks.rejects?.write(batch.rejects)
        try sinks.dropped?.write(batch.dropped)
    }
}

/// A stage stopped the run (a plugin that kept failing). Everything before it was written.
public struct PipelineStopped: Error, CustomStringConvertible {
    public var reason: String
    /// The counts up to the stop.
    public var summary: RunSummary

    public var description: String { reason }
}

/// The input failed part way.
public struct InputReadFailure: Error, CustomStringConvertible {
    public var description: String
}

/// Shared between the reader thread and the writer: how many batches there are in all.
final class BatchCount: @unchecked Sendable {
    private let lock = Mutex()
    private var _count = 0
    private var _finished = false
    private var _failure: String?

    var count: Int {
        get { lock.withLock { _count } }
        set { lock.withLock { _count = newValue } }
    }
    var finished: Bool {
        get { lock.withLock { _finished } }
        set { lock.withLock { _finished = newValue } }
    }
    var failure: String? {
        get { lock.withLock { _failure } }
        set { lock.withLock { _failure = newValue } }
    }
}

/// Collects each worker's statistics as it finishes, and waits for all of them.
final class WorkerStatsCollector: @unchecked Sendable {
    private var remaining: Int
    private var total: PipelineStats?
    private let condition = NSCondition()

    init(count: Int) {
        remaining = count
    }

    func finished(with stats: PipelineStats?) {
        condition.lock()
        if let stats {
            if total == nil { total = stats } else { total?.add(stats) }
        }
        remaining -= 1
        condition.broadcast()
        condition.unlock()
    }

    func waitForAll() -> PipelineStats? {
        condition.lock()
        defer { condition.unlock() }
        while remaining > 0 { condition.wait() }
        return total
    }
}
