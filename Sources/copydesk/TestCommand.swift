import ArgumentParser
import Copydesk

/// `copydesk test`: run every rule's examples.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the examples of every rule and plugin stage the config reaches.",
        discussion: """
            Prints one line per failing example (file:line: rule <id>: expected … got …) and \
            ends with "N passed, M failed". Exits 1 if any example failed.
            """)

    @OptionGroup var configOptions: ConfigOptions

    func run() throws {
        let pipeline = try configOptions.loadPipeline()
        defer { pipeline.shutdown() }
        let results = pipeline.runExamples(context: WorkerContext())
        var failed = 0
        for result in results {
            guard let failure = result.failure else { continue }
            failed += 1
            print("\(result.mark.file):\(result.mark.line): rule \(result.rule): \(failure)")
        }
        print("\(results.count - failed) passed, \(failed) failed")
        if failed > 0 { throw ExitCode.failure }
    }
}
