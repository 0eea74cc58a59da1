import ArgumentParser
import Copydesk

/// `copydesk check`: validate the config and every file it includes.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the config and every included file; print all errors.",
        discussion: """
            Also warns about likely mistakes: a rule with no examples, an example that does not \
            exercise its rule, a pattern prone to catastrophic backtracking, a strip pattern that can \
            match the empty string, two rules with the same pattern, an include glob that matches \
            no file. Starts every exec plugin and checks its handshake, and loads every Swift \
            plugin library; prints one line per plugin. With no errors, prints one summary line. Exits 1 on any error, or on any \
            warning with --strict.
            """)

    @OptionGroup var configOptions: ConfigOptions

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        let pipeline = try configOptions.loadPipeline()
        defer { pipeline.shutdown() }
        for warning in pipeline.warnings { FileHandleOutput.standardError(warning + "\n") }
        if strict && !pipeline.warnings.isEmpty {
            let count = pipeline.warnings.count
            FileHandleOutput.standardError("copydesk: \(count) warning\(count == 1 ? "" : "s") in the config (--strict)\n")
            throw ExitCode(ExitStatus.configError)
        }
        for case let plugin as any PluginBackedStage in pipeline.stages {
            print("ok: plugin stage \(plugin.id): \(PluginListing.describe(plugin.pluginInfo))")
        }
        let files = pipeline.files.count
        print("ok: \(pipeline.file): \(pipeline.stages.count) stages, \(pipeline.ruleCount) rules, \(files) file\(files == 1 ? "" : "s")")
    }
}
