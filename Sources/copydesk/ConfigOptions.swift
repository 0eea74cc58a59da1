import ArgumentParser
import Copydesk
import Foundation

/// `--config`, shared by every subcommand that reads a pipeline.
struct ConfigOptions: ParsableArguments {
    @Option(
        name: .shortAndLong,
        help: ArgumentHelp(
            "Pipeline YAML file.",
            discussion: "Default: $COPYDESK_CONFIG, then ./copydesk.yaml, then the pipeline built into copydesk.",
            valueName: "file"))
    var config: String?

    var location: ConfigLocation {
        ConfigLocation.resolve(
            explicit: config, environment: ProcessInfo.processInfo.environment,
            fileExists: { FileManager.default.fileExists(atPath: $0) })
    }

    /// Loads the pipeline, or prints every problem and exits with status 1.
    func loadPipeline() throws -> Pipeline {
        do {
            return try location.load()
        } catch {
            let count = error.errorCount
            FileHandleOutput.standardError(error.description + "\n")
            FileHandleOutput.standardError("copydesk: \(count) error\(count == 1 ? "" : "s") in the config (\(location))\n")
            throw ExitCode(ExitStatus.configError)
        }
    }
}
