import ArgumentParser
import Copydesk
import Foundation

/// `copydesk run`: clean documents from a file or stdin to stdout.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Clean documents from FILE (or stdin) and write them to stdout.",
        discussion: """
            JSON Lines in, JSON Lines out: every input field is kept byte for byte and a \
            "copydesk" object is appended. Plain text in (the first non-blank byte is not '{'), \
            cleaned text out. Bad lines are reported on stderr and never stop the run.
            Exit status: 0 ok, 1 config error or a document failed (a plugin stage), 2 usage error, \
            3 some input was rejected.
            """)

    @OptionGroup var configOptions: ConfigOptions

    @Option(name: .shortAndLong, help: "Worker threads (default: all cores).")
    var jobs: Int?

    @Flag(help: "Add the removed spans and a trace of every rule that fired to each document's copydesk object.")
    var explain = false

    @Option(help: ArgumentHelp("Write dropped documents, with their reasons, to this file.", valueName: "file"))
    var dropped: String?

    @Option(help: ArgumentHelp("Write rejected input lines, verbatim, to this file.", valueName: "file"))
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

    @Option(help: ArgumentHelp("Write the statistics as JSON to this file.", valueName: "file"))
    var statsJson: String?

    @Flag(name: .shortAndLong, help: "Do not print the summary line or the live status line.")
    var quiet = false

    @OptionGroup var inputOptions: InputOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if maxLineBytes < 1 { throw ValidationError("--max-line-bytes must be at least 1") }
        if !(watchInterval > 0) { throw ValidationError("--watch-interval must be more than 0") }
        if inputOptions.textField == outputKey { throw ValidationError("--text-field and --output-key must differ") }
    }

    func run() throws {
        let pipeline = try configOptions.loadPipeline()
        if !quiet {
            for warning in pipeline.warnings { FileHandleOutput.standardError(warning + "\n") }
        }
        var options = RunOptions(
            jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
            inputFormat: inputOptions.inputFormat, outputFormat: outputFormat,
            codec: DocumentCodec(textField: inputOptions.textField, outputKey: outputKey, explain: explain),
            maxLineBytes: maxLineBytes, inputName: inputOptions.inputName)
        options.collectsStats = stats || statsJson != nil
        signal(SIGPIPE, SIG_IGN)
        let input = try inputOptions.open()
        defer { if input != 0 { close(input) } }
        let sinks = PipelineRunner.Sinks(
            output: ByteSink(descriptor: 1, name: "<stdout>"),
            rejects: try rejects.map { try ByteSink(path: $0) },
            dropped: try dropped.map { try ByteSink(path: $0) },
            log: ByteSink(descriptor: 2, name: "<stderr>"))
        let summary: RunSummary
        let status = StatusLine.makeIfTerminal(quiet: quiet)
        let started = Date()
        let holder = PipelineHolder(pipeline)
        let reloader = ConfigReloader(location: configOptions.location, holder: holder, log: sinks.log)
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
        do {
            var progress: (@Sendable (RunSummary) -> Void)?
            if let status { progress = { status.update($0) } }
            let runner = PipelineRunner(holder: holder, options: options, progress: progress)
            summary = try runner.run(input: input, sinks: sinks)
            status?.finish()
        } catch let stopped as PipelineStopped {
            status?.finish()
            holder.current.shutdown()
            FileHandleOutput.standardError("copydesk: error: the run stopped early: \(stopped.reason)\n")
            if !quiet { FileHandleOutput.standardError("\(stopped.summary)\n") }
            throw ExitCode.failure
        } catch let error as OutputClosedError {
            status?.finish()
            FileHandleOutput.standardError("copydesk: \(error); stopped early\n")
            return
        } catch {
            FileHandleOutput.standardError("copydesk: error: \(error)\n")
            throw ExitCode.failure
        }
        holder.current.shutdown()
        if !quiet { FileHandleOutput.standardError("\(summary)\n") }
        if let collected = summary.stats {
            let report = StatsReport(summary: summary, stats: collected, seconds: Date().timeIntervalSince(started), bytesIn: summary.bytesRead)
            if stats { FileHandleOutput.standardError(report.text) }
            if let statsJson {
                do {
                    try ByteSink(path: statsJson).write(report.json)
                } catch {
                    FileHandleOutput.standardError("copydesk: cannot write \(statsJson): \(error)\n")
                    throw ExitCode.failure
                }
            }
        }
        if summary.failed > 0 { throw ExitCode.failure }
        if summary.rejected > 0 { throw ExitCode(ExitStatus.rejectedInput) }
    }
}

extension InputFormat: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}
