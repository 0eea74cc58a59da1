import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reloads the pipeline of a long-running `run`: on SIGHUP, and with `watch` whenever a config
/// file (or the set of files under an include glob) changes. A reload compiles the whole new
/// config and runs every rule example before the swap; if anything fails, the old pipeline
/// stays in service. Each reload logs one line.
public final class ConfigReloader: @unchecked Sendable {
    private let location: ConfigLocation
    private let holder: PipelineHolder
    private let log: ByteSink
    private let queue = DispatchQueue(label: "copydesk.reload")
    private var sources: [any DispatchSourceProtocol] = []
    private var fingerprint: ConfigFingerprint?

    public init(location: ConfigLocation, holder: PipelineHolder, log: ByteSink) {
        self.location = location
        self.holder = holder
        self.log = log
    }

    /// Reloads on SIGHUP from now on.
    public func reloadOnHangup() {
        signal(SIGHUP, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: queue)
        source.setEventHandler { [weak self] in self?.reload(reason: "SIGHUP") }
        source.resume()
        sources.append(source)
    }

    /// Polls the config files every `interval` seconds and reloads when they change.
    public func watch(every interval: Double) {
        queue.sync { fingerprint = currentFingerprint(of: holder.current) }
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(50))
        timer.setEventHandler { [weak self] in self?.poll() }
        timer.resume()
        sources.append(timer)
    }

    public func stop() {
        queue.sync {
            for source in sources { source.cancel() }
            sources.removeAll()
        }
    }

    private func poll() {
        let now = currentFingerprint(of: holder.current)
        guard now != fingerprint else { return }
        fingerprint = now
        reload(reason: "config changed")
    }

    private func currentFingerprint(of pipeline: Pipeline) -> ConfigFingerprint? {
        guard case .file = location else { return nil }
        return ConfigFingerprint(files: pipeline.files, globs: pipeline.globs)
    }

    @discardableResult
    private func reload(reason: String) -> Bool {
        let generation = holder.generation
        let next: Pipeline
        do {
            next = try location.load()
        } catch {
            write(error.description + "\n")
            write("copydesk: reload failed (\(reason)): \(error.errorCount) config error\(error.errorCount == 1 ? "" : "s"); keeping generation \(generation)\n")
            return false
        }
        let failures = next.runExamples(context: WorkerContext()).filter { !$0.passed }
        if !failures.isEmpty {
            for failure in failures {
                write("\(failure.mark.file):\(failure.mark.line): rule \(failure.rule): \(failure.failure ?? "")\n")
            }
            write("copydesk: reload failed (\(reason)): \(failures.count) rule example\(failures.count == 1 ? "" : "s") failed; keeping generation \(generation)\n")
            return false
        }
        let number = holder.replace(with: next)
        // Files may have been added under a glob: watch the new set.
        fingerprint = currentFingerprint(of: next)
        write("copydesk: reloaded config generation \(number) (\(reason)): \(next.stages.count) stages, \(next.ruleCount) rules\n")
        return true
    }

    private func write(_ text: String) {
        try? log.write(text)
    }
}
