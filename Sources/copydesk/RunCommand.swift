import ArgumentParser
import Copydesk
import Foundation

/// `copydesk run`: clean documents from files, folders or stdin to stdout, one file, or a folder.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Clean documents from files, folders or stdin and write them to stdout, --output or --output-dir.",
        discussion: """
            JSON Lines in, JSON Lines out: every input field is kept byte for byte and a \
            "copydesk" object is appended. Plain text in (the first non-blank byte is not '{'), \
            cleaned text out. Bad lines are reported on stderr and never stop the run.
            Files ending in .gz or .zst are decompressed; folders are read recursively.
            Exit status: 0 ok, 1 config error, an input failed or a document failed (a plugin stage), \
            2 usage error, 3 some input was rejected.
            """)

    @OptionGroup var configOptions: ConfigOptions

    @Option(name: .shortAndLong, help: "Worker threads (default: all cores).")
    var jobs: Int?

    @Flag(help: "Add the removed spans and a trace of every rule that fired to each document's copydesk object.")
    var explain = false

    @Option(help: ArgumentHelp("Write dropped documents, with their reasons, to this file (compressed if it ends in .gz or .zst).", valueName: "file"))
    var dropped: String?

    @Option(help: ArgumentHelp("Write rejected input lines, verbatim, to this file (compressed if it ends in .gz or .zst).", valueName: "file"))
    var rejects: String?

    @Option(help: ArgumentHelp("The key of the object Copydesk appends to each document.", valueName: "name"))
    var outputKey = "copydesk"

    @Option(help: ArgumentHelp("jsonl or text (default: the input's format).", valueName: "format"))
    var outputFormat: OutputFormat?

    @Option(help: ArgumentHelp("Reject input lines (or a text input) longer than this.", valueName: "bytes"))
    var maxLineBytes = 16 << 20

    @Flag(help: "Reload the config when it or any file it includes changes (SIGHUP always reloads).")
    var watch = false

    @Option(help: ArgumentHelp("Seconds between checks for config changes with --watch.", valueName: "seconds"))
    var watchInterval = 1.0

    @Flag(help: "Print per-stage and per-rule statistics to stderr at the end.")
    var stats = false

    @Option(help: ArgumentHelp("Write the statistics and the run's totals as JSON to this file.", valueName: "file"))
    var statsJson: String?

    @Flag(name: .shortAndLong, help: "Do not print the summary or the live progress line.")
    var quiet = false

    @OptionGroup var formatOptions: DocumentFormatOptions

    @OptionGroup var batchOptions: BatchOutputOptions

    @Argument(help: ArgumentHelp("Files, folders, or - for stdin (default: stdin).", valueName: "path"))
    var paths: [String] = []

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if maxLineBytes < 1 { throw ValidationError("--max-line-bytes must be at least 1") }
        if !(watchInterval > 0) { throw ValidationError("--watch-interval must be more than 0") }
        if formatOptions.textField == outputKey { throw ValidationError("--text-field and --output-key must differ") }
        if paths.filter({ $0 == "-" }).count > 1 { throw ValidationError("stdin (-) can be read only once") }
    }

    func run() throws {
        let pipeline = try configOptions.loadPipeline()
        if !quiet {
            for warning in pipeline.warnings { FileHandleOutput.standardError(warning + "\n") }
        }
        let inputs = try discoverInputs()
        let destination = batchOptions.destination
        // One input to stdout is the classic filter: its summary is one line, as always.
        let isBatch = inputs.count != 1 || destination != .standardOutput
        var options = RunOptions(
            jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
            inputFormat: formatOptions.inputFormat, outputFormat: outputFormat,
            codec: DocumentCodec(textField: formatOptions.textField, outputKey: outputKey, explain: explain),
            maxLineBytes: maxLineBytes, inputName: inputs.first?.name ?? "<stdin>")
        options.collectsStats = stats || statsJson != nil
        signal(SIGPIPE, SIG_IGN)
        let log = ByteSink(descriptor: 2, name: "<stderr>")
        let batch = BatchOptions(destination: destination, resume: batchOptions.resume, rejectsPath: rejects, droppedPath: dropped)
        let report: BatchReport
        let status = StatusLine.makeIfTerminal(quiet: quiet)
        let holder = PipelineHolder(pipeline)
        let reloader = ConfigReloader(location: configOptions.location, holder: holder, log: log)
        reloader.reloadOnHangup()
        if watch {
            if case .embedded = configOptions.location {
                FileHandleOutput.standardError("copydesk: --watch: the built-in config has no files to watch; SIGHUP still reloads\n")
            } else {
                reloader.watch(every: watchInterval)
            }
        }
        defer { reloader.stop() }
        // Plugin children exit cleanly (and their last stderr lines are forwarded) before the summary.
        defer { holder.current.shutdown() }
        var stopReason: String?
        do {
            var progress: (@Sendable (BatchProgress) -> Void)?
            if let status { progress = { status.update($0) } }
            let runner = BatchRunner(holder: holder, options: options, batch: batch, progress: progress)
            report = try runner.run(inputs, standardOutput: ByteSink(descriptor: 1, name: "<stdout>"), log: log)
            status?.finish()
        } catch let stopped as BatchStopped {
            status?.finish()
            report = stopped.report
            stopReason = stopped.reason
        } catch let error as OutputClosedError {
            status?.finish()
            FileHandleOutput.standardError("copydesk: \(error); stopped early\n")
            return
        } catch let error as BatchPlanError {
            FileHandleOutput.standardError("copydesk: error: \(error)\n")
            throw ExitCode(ExitStatus.usage)
        } catch {
            status?.finish()
            FileHandleOutput.standardError("copydesk: error: \(error)\n")
            throw ExitCode.failure
        }
        holder.current.shutdown()
        if let stopReason {
            FileHandleOutput.standardError("copydesk: error: the run stopped early: \(stopReason)\n")
        }
        let summary = report.summary
        if !quiet {
            if isBatch { FileHandleOutput.standardError(report.table) }
            FileHandleOutput.standardError("\(summary)\n")
        }
        if options.collectsStats {
            // A run stopped before any input finished has no rule statistics: they are all zero.
            let collected = summary.stats ?? PipelineStats(for: holder.current)
            var statsReport = StatsReport(summary: summary, stats: collected, seconds: report.seconds, bytesIn: summary.bytesRead)
            statsReport.run = report
            if stats { FileHandleOutput.standardError(statsReport.text) }
            if let statsJson {
                do {
                    try ByteSink(path: statsJson).write(statsReport.json)
                } catch {
                    FileHandleOutput.standardError("copydesk: cannot write \(statsJson): \(error)\n")
                    throw ExitCode.failure
                }
            }
        }
        if stopReason != nil || !report.failures.isEmpty || summary.failed > 0 { throw ExitCode.failure }
        if summary.rejected > 0 { throw ExitCode(ExitStatus.rejectedInput) }
    }

    /// The inputs the paths name; a path that cannot be read is a usage error, before anything runs.
    private func discoverInputs() throws -> [BatchInput] {
        var skipped: String?
        if case .directory(let folder, _) = batchOptions.destination { skipped = folder }
        let discovery = InputDiscovery(includes: batchOptions.include, excludes: batchOptions.exclude, skippedFolder: skipped)
        do {
            let inputs = try discovery.inputs(for: paths.isEmpty ? ["-"] : paths)
            if inputs.isEmpty && !quiet {
                FileHandleOutput.standardError("copydesk: warning: no input files found (folders are searched for \(discovery.includes.joined(separator: ", ")))\n")
            }
            return inputs
        } catch {
            FileHandleOutput.standardError("copydesk: error: \(error)\n")
            throw ExitCode(ExitStatus.usage)
        }
    }
}

extension InputFormat: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}
