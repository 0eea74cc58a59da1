import ArgumentParser
import Copydesk

/// `copydesk check`: validate the config and every file it includes.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the config and every included file; print all errors.",
        discussion: "With no errors, prints one summary line. Exits 1 on any error.")

    @OptionGroup var configOptions: ConfigOptions

    func run() throws {
        let pipeline = try configOptions.loadPipeline()
        for warning in pipeline.warnings { FileHandleOutput.standardError(warning + "\n") }
        let files = pipeline.files.count
        print("ok: \(pipeline.file): \(pipeline.stages.count) stages, \(pipeline.ruleCount) rules, \(files) file\(files == 1 ? "" : "s")")
    }
}
