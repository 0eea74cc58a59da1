import ArgumentParser
import Copydesk

/// `copydesk plugins`: list stage kinds and the config's plugins.
struct PluginsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins",
        abstract: "List the stage kinds and the plugin stages of the config, with their versions.",
        discussion: """
            Starts each exec plugin (and loads each Swift plugin library) to read its handshake: \
            name, version, protocol version and what it may change. Exits 1 if the config or a \
            plugin fails to load.
            """)

    @OptionGroup var configOptions: ConfigOptions

    func run() throws {
        let pipeline = try configOptions.loadPipeline()
        defer { pipeline.shutdown() }
        print(PluginListing(registry: .builtIn, pipeline: pipeline).text, terminator: "")
    }
}
