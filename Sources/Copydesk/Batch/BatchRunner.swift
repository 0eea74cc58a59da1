import Foundation

/// Runs a pipeline over many inputs (files, folders, compressed shards, stdin), reusing one
/// `PipelineRunner` per input.
///
/// With an output folder, inputs run side by side in up to `jobs` lanes. Each lane's runner has
/// a few workers (`workersPerLane`), and all of them share `jobs` work slots, so at most `jobs`
/// batches are processed at once while an input left alone at the end still runs on several
/// cores. Each output keeps its input's order. With stdout or one combined file, inputs run one after the other (each on
/// all workers) so that the stream keeps the order of the inputs. Inputs are opened one at a time
/// per lane: memory does not grow with the number of files.
///
/// Every file is written under a temporary name and renamed when complete: rejects and
/// dropped files first, the output last, so an output that exists is complete with its side files.
public final class BatchRunner: Sendable {
    public let holder: PipelineHolder
    public let options: RunOptions
    public let batch: BatchOptions
    /// Called from the writing threads as the run advances.
    public let progress: (@Sendable (BatchProgress) -> Void)?

    public init(holder: PipelineHolder, options: RunOptions, batch: BatchOptions, progress: (@Sendable (BatchProgress) -> Void)? = nil) {
        self.holder = holder
        self.options = options
        self.batch = batch
        self.progress = progress
    }

    /// Runs every input. Throws `BatchPlanError` before anything is written when the outputs
    /// clash, `BatchStopped` (with the totals so far) when a stage stops the run, and an output
    /// error (such as `OutputClosedError`) that stops the run; an input that cannot be read is
    /// reported on `log`, counted in `failures`, and the run goes on.
    public func run(_ inputs: [BatchInput], standardOutput: ByteSink, log: ByteSink) throws -> BatchReport {
        let started = MonotonicClock.now()
        let jobs = try BatchPlan.jobs(for: inputs, batch: batch)
        var report = BatchReport()
        report.filesTotal = jobs.count
        var todo: [BatchJob] = []
        for job in jobs {
            if batch.resume, let paths = job.paths, FileManager.default.fileExists(atPath: paths.output) {
                report.filesSkipped += 1
            } else {
                todo.append(job)
            }
        }
        Self.removeStalePartials(for: todo, batch: batch)
        let shared = try SharedSinks(batch: batch, standardOutput: standardOutput)
        let bytesTotal = inputs.contains { $0.size == nil } ? nil : todo.reduce(0) { $0 + ($1.input.size ?? 0) }
        let lanes = shared.output == nil ? max(1, min(options.jobs, todo.count)) : 1
        let state = BatchState(jobs: todo, lanes: lanes, report: report, bytesTotal: bytesTotal, started: started, callback: progress)
        var laneOptions = options
        if lanes > 1 {
            laneOptions.workSlots = WorkSlots(options.jobs)
            laneOptions.jobs = Self.workersPerLane(jobs: options.jobs, lanes: lanes)
        }
        let lane = Lane(holder: holder, options: laneOptions, shared: shared, state: state, log: log)
        if lanes == 1 {
            lane.run(0)
        } else {
            let group = DispatchGroup()
            for index in 0..<lanes {
                group.enter()
                Thread {
                    lane.run(index)
                    group.leave()
                }.start()
            }
            group.wait()
        }
        var final = state.finalReport(seconds: Double(MonotonicClock.now() - started) / 1e9)
        if let error = state.stoppedBy {
            shared.discard()
            if let stopped = error as? PipelineStopped {
                throw BatchStopped(reason: stopped.reason, report: final)
            }
            throw error
        }
        if case .file = batch.destination, !final.failures.isEmpty {
            // A combined file that misses an input must not look complete.
            shared.discard()
        } else {
            try shared.commit()
        }
        if let file = shared.outputFile { final.bytesOut = file.bytesOnDisk }
        return final
    }

    /// Clears what killed runs left in the folders this run writes to, listing each folder once.
    private static func removeStalePartials(for jobs: [BatchJob], batch: BatchOptions) {
        var files = jobs.flatMap { job in job.paths.map { [$0.output, $0.rejects, $0.dropped] } ?? [] }
        if case .file(let path) = batch.destination { files.append(path) }
        files += [batch.rejectsPath, batch.droppedPath].compactMap { $0 }
        let folders = Set(files.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path })
        for folder in folders { StagedOutputFile.removeStalePartials(in: folder) }
    }

    /// Worker threads of each lane when `lanes` inputs run side by side: twice the fair share, at
    /// least 2 and at most `jobs`. Together the lanes have at most 2 × `jobs` workers (and as many
    /// worker contexts), the slots keep at most `jobs` of them busy, and a lane left alone at the end
    /// still runs on two or more cores.
    static func workersPerLane(jobs: Int, lanes: Int) -> Int {
        min(jobs, max(2, 2 * jobs / lanes))
    }
}

/// The sinks every input shares: stdout or the combined file, and the single rejects and
/// dropped files when given.
struct SharedSinks: Sendable {
    var output: ByteSink?
    var outputFile: StagedOutputFile?
    var rejects: ByteSink?
    var dropped: ByteSink?
    /// Compressed side files, written under a temporary name like the output.
    var stagedSides: [StagedOutputFile] = []

    init(batch: BatchOptions, standardOutput: ByteSink) throws {
        switch batch.destination {
        case .standardOutput:
            output = standardOutput
        case .file(let path):
            let file = try StagedOutputFile(path: path, compression: Compression(path: path))
            outputFile = file
            output = ByteSink(output: file, name: path)
        case .directory:
            output = nil
        }
        var staged: [StagedOutputFile] = []
        // A plain file is written in place as it goes (as `run --rejects` always did, for
        // tailing); a compressed one is staged.
        func sideSink(_ path: String) throws -> ByteSink {
            let compression = Compression(path: path)
            guard compression != .none else { return try ByteSink(path: path) }
            let file = try StagedOutputFile(path: path, compression: compression)
            staged.append(file)
            return ByteSink(output: file, name: path)
        }
        rejects = try batch.rejectsPath.map(sideSink)
        dropped = try batch.droppedPath.map(sideSink)
        stagedSides = staged
    }

    func commit() throws {
        for file in stagedSides { try file.commit() }
        try outputFile?.commit()
    }

    func discard() {
        for file in stagedSides { file.discard() }
        outputFile?.discard()
    }
}

/// One lane of a batch run: takes inputs from the shared queue until there is none left.
private struct Lane: Sendable {
    let holder: PipelineHolder
    let options: RunOptions
    let shared: SharedSinks
    let state: BatchState
    let log: ByteSink

    func run(_ index: Int) {
        while let job = state.nextJob() {
            process(job, lane: index)
        }
    }

    private func process(_ job: BatchJob, lane: Int) {
        let input = job.input
        let started = MonotonicClock.now()
        var descriptor: Int32 = 0
        if let path = input.path {
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                fail(lane: lane, "cannot open \(path): \(String(cString: strerror(errno)))", bytesIn: 0)
                return
            }
        }
        defer { if input.path != nil { close(descriptor) } }
        let raw = DescriptorSource(descriptor: descriptor, name: input.name)
        state.begin(lane: lane, source: raw)
        var staged: [StagedOutputFile] = []
        let streamedBefore = shared.output?.bytesWritten ?? 0
        do {
            let source = try input.compression.decoder(over: raw, name: input.name)
            let sinks: PipelineRunner.Sinks
            var mainFile: StagedOutputFile?
            if let paths = job.paths {
                try FileManager.default.createDirectory(
                    atPath: URL(fileURLWithPath: paths.output).deletingLastPathComponent().path, withIntermediateDirectories: true)
                let main = try StagedOutputFile(path: paths.output, compression: paths.compression)
                mainFile = main
                // The shared side file when there is one, else this input's own, staged.
                func sideSink(_ shared: ByteSink?, path: String) throws -> ByteSink {
                    if let shared { return shared }
                    let file = try StagedOutputFile(path: path, compression: paths.compression, lazy: true)
                    staged.append(file)
                    return ByteSink(output: file, name: path)
                }
                let rejects = try sideSink(shared.rejects, path: paths.rejects)
                let dropped = try sideSink(shared.dropped, path: paths.dropped)
                staged.append(main)  // committed last
                sinks = PipelineRunner.Sinks(output: ByteSink(output: main, name: paths.output), rejects: rejects, dropped: dropped, log: log)
            } else {
                sinks = PipelineRunner.Sinks(output: shared.output ?? log, rejects: shared.rejects, dropped: shared.dropped, log: log)
            }
            var fileOptions = options
            fileOptions.inputName = input.name
            if fileOptions.inputFormat == .auto, let path = input.path, let stated = InputFormat.stated(byName: path) {
                fileOptions.inputFormat = stated
            }
            let state = state
            let runner = PipelineRunner(holder: holder, options: fileOptions, progress: { state.update(lane: lane, summary: $0) })
            let writtenBefore = sinks.output.bytesWritten
            let summary = try runner.run(source: source, sinks: sinks)
            for file in staged { try file.commit() }
            let bytesOut = mainFile?.bytesOnDisk ?? (sinks.output.bytesWritten - writtenBefore)
            state.finish(lane: lane, file: FileReport(
                index: job.index, name: input.name, summary: summary, bytesIn: raw.position, bytesOut: bytesOut,
                seconds: Double(MonotonicClock.now() - started) / 1e9))
        } catch {
            for file in staged { file.discard() }
            switch error {
            case let error as InputReadFailure:
                fail(lane: lane, error.description, bytesIn: raw.position)
            case let error as InputReadError:
                fail(lane: lane, error.description, bytesIn: raw.position)
            case let stopped as PipelineStopped:
                // Counted as far as it went. Only what went to stdout is out: a staged
                // output is discarded.
                let streamed = job.paths == nil && shared.outputFile == nil
                let file = FileReport(
                    index: job.index, name: input.name, summary: stopped.summary, bytesIn: raw.position,
                    bytesOut: streamed ? (shared.output?.bytesWritten ?? 0) - streamedBefore : 0,
                    seconds: Double(MonotonicClock.now() - started) / 1e9)
                state.stop(stopped, lane: lane, file: file)
            default:
                state.stop(error)
            }
        }
    }

    private func fail(lane: Int, _ message: String, bytesIn: Int) {
        let consequence = shared.output == nil ? "its output was not written" : "the documents read before the error were written"
        try? log.write("copydesk: error: \(message); \(consequence)\n")
        state.fail(lane: lane, message: message, bytesIn: bytesIn)
    }
}
