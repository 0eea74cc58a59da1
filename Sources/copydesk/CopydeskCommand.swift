import ArgumentParser
import Copydesk

/// The root command: `copydesk <subcommand>`.
struct CopydeskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copydesk",
        abstract: "Clean, tag and moderate scraped news articles with YAML-configured rules.",
        discussion: """
            Reads JSON Lines (one article per line) or one plain-text article, and writes the \
            cleaned documents to stdout. Rules live in YAML and take effect on the next run.
            """,
        version: CopydeskVersion.current,
        subcommands: [
            RunCommand.self, ExplainCommand.self, TestCommand.self, CheckCommand.self, InitCommand.self,
            TrainNERCommand.self, EvalNERCommand.self, PluginsCommand.self,
        ],
        defaultSubcommand: nil
    )
}

/// Exit statuses of every subcommand.
enum ExitStatus {
    static let configError: Int32 = 1
    static let usage: Int32 = 2
    static let rejectedInput: Int32 = 3
}
