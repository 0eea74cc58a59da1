import ArgumentParser
import Copydesk

/// `copydesk train-ner`: train the statistical NER model from CoNLL files.
struct TrainNERCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-ner",
        abstract: "Train the PERSON/ORG/LOC/MISC model from CoNLL-format files.",
        discussion: """
            Files have one token per line with the NER tag in the last column (IOB1 or IOB2), a \
            blank line between sentences and -DOCSTART- lines between documents; other columns \
            are ignored. The same files and seed give a byte-identical model. With --dev, the \
            F1 on it is printed after each epoch.
            """)

    @Option(help: "Training file (CoNLL format).")
    var train: String

    @Option(help: "Development file, scored after each epoch.")
    var dev: String?

    @Option(help: "Where to write the model.")
    var out: String

    @Option(help: "Seed for the order of training sentences.")
    var seed: UInt64 = 1

    @Option(help: "Passes over the training data.")
    var epochs = NERTrainingOptions().epochs

    @Option(help: "1: one tagging pass; 2: a second pass that sees the first pass's labels (slower, more consistent).")
    var passes = NERTrainingOptions().stages

    func validate() throws {
        guard passes == 1 || passes == 2 else { throw ValidationError("--passes must be 1 or 2") }
        guard epochs > 0 else { throw ValidationError("--epochs must be at least 1") }
    }

    func run() throws {
        var options = NERTrainingOptions()
        options.seed = seed
        options.epochs = epochs
        options.stages = passes
        let clock = ContinuousClock()
        let start = clock.now
        let training = try readCoNLL(train)
        let development = try dev.map(readCoNLL) ?? []
        let model = NERTrainer(options: options).train(training: training, development: development) { line in
            FileHandleOutput.standardError("[\(clock.now - start)] \(line)\n")
        }
        do {
            try model.write(to: out)
        } catch {
            FileHandleOutput.standardError("copydesk: \(error)\n")
            throw ExitCode(ExitStatus.usage)
        }
        FileHandleOutput.standardError("wrote \(out): \(model.featureCount) features, \(model.serialized().count) bytes\n")
    }
}

/// Reads a CoNLL file, turning a failure into a usage error that names the file.
func readCoNLL(_ path: String) throws -> [CoNLLDocument] {
    do {
        return try CoNLLReader.read(path: path)
    } catch {
        FileHandleOutput.standardError("copydesk: \(error)\n")
        throw ExitCode(ExitStatus.usage)
    }
}
