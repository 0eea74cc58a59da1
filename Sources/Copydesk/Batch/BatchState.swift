/// The shared state of a batch run: the queue of inputs, the totals, and what each lane is
/// reading now (for progress). Every method takes the lock briefly.
final class BatchState: @unchecked Sendable {
    private struct Lane {
        var summary = RunSummary()
        var source: DescriptorSource?
    }

    private let lock = Mutex()
    private let jobs: [BatchJob]
    private var next = 0
    private var lanes: [Lane]
    private var report: BatchReport
    private var stopError: (any Error)?
    private let started: UInt64
    private let bytesTotal: Int?
    private let callback: (@Sendable (BatchProgress) -> Void)?

    init(jobs: [BatchJob], lanes: Int, report: BatchReport, bytesTotal: Int?, started: UInt64, callback: (@Sendable (BatchProgress) -> Void)?) {
        self.jobs = jobs
        self.lanes = Array(repeating: Lane(), count: max(1, lanes))
        self.report = report
        self.bytesTotal = bytesTotal
        self.started = started
        self.callback = callback
    }

    /// The next input to process, or nil when there is none left or the run was stopped.
    func nextJob() -> BatchJob? {
        lock.withLock {
            guard stopError == nil, next < jobs.count else { return nil }
            defer { next += 1 }
            return jobs[next]
        }
    }

    /// Stops the run: lanes finish their current input and take no other. The first error wins.
    func stop(_ error: any Error) {
        lock.withLock { if stopError == nil { stopError = error } }
    }

    /// Stops the run because of the input of `lane`, which is counted as far as it went.
    func stop(_ error: any Error, lane: Int, file: FileReport) {
        lock.withLock {
            if stopError == nil { stopError = error }
            lanes[lane] = Lane()
            report.add(file)
            report.stoppedEarly = true
        }
    }

    var stoppedBy: (any Error)? { lock.withLock { stopError } }

    func begin(lane: Int, source: DescriptorSource) {
        lock.withLock { lanes[lane] = Lane(summary: RunSummary(), source: source) }
    }

    /// The current input of `lane` has reached `summary`.
    func update(lane: Int, summary: RunSummary) {
        let snapshot = lock.withLock {
            lanes[lane].summary = summary
            return progress()
        }
        if let snapshot { callback?(snapshot) }
    }

    func finish(lane: Int, file: FileReport) {
        let snapshot = lock.withLock {
            lanes[lane] = Lane()
            report.add(file)
            return progress()
        }
        if let snapshot { callback?(snapshot) }
    }

    func fail(lane: Int, message: String, bytesIn: Int) {
        lock.withLock {
            lanes[lane] = Lane()
            report.failures.append(message)
            report.bytesIn += bytesIn
            report.filesDone += 1
        }
    }

    func finalReport(seconds: Double) -> BatchReport {
        lock.withLock {
            var final = report
            final.seconds = seconds
            return final
        }
    }

    /// Call with the lock held.
    private func progress() -> BatchProgress? {
        guard callback != nil else { return nil }
        var progress = BatchProgress()
        progress.filesTotal = report.filesTotal
        progress.filesDone = report.filesDone + report.filesSkipped
        progress.bytesTotal = bytesTotal
        progress.documents = report.summary
        progress.documents.stats = nil
        progress.bytesDone = report.bytesIn
        for lane in lanes {
            progress.documents.add(lane.summary)
            progress.bytesDone += lane.source?.position ?? 0
        }
        progress.seconds = Double(MonotonicClock.now() - started) / 1e9
        return progress
    }
}
