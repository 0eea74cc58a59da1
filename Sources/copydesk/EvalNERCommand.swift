import ArgumentParser
import Copydesk
import Foundation

/// `copydesk eval-ner`: score the NER model against a gold CoNLL file.
struct EvalNERCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-ner",
        abstract: "Score the NER model on a gold CoNLL file: precision, recall and F1 per label.",
        discussion: """
            Exact span match, as conlleval counts it: an entity is right only when its label and \
            both boundaries are. The model tags the gold file's own tokens. Without --model, the \
            model built into copydesk is scored.
            """)

    @Option(help: "Gold file (CoNLL format).")
    var gold: String

    @Option(help: "Model file (default: the built-in model).")
    var model: String?

    @Option(help: "Also write TOKEN GOLD PREDICTED lines to this file.")
    var predictions: String?

    func run() throws {
        let loaded: NERModel
        do {
            if let model {
                loaded = try NERModel(contentsOf: model)
            } else {
                loaded = try NERModel(bytes: EmbeddedRules.nerModel ?? [], path: "<embedded>/" + EmbeddedRules.nerModelPath)
            }
        } catch {
            FileHandleOutput.standardError("copydesk: \(error)\n")
            throw ExitCode(ExitStatus.configError)
        }
        let documents = try readCoNLL(gold)
        var lines: [String] = []
        let evaluation = loaded.evaluate(on: documents, predictions: predictions == nil ? nil : { lines.append($0) })
        if let predictions {
            do {
                try Data(lines.joined().utf8).write(to: URL(fileURLWithPath: predictions))
            } catch {
                FileHandleOutput.standardError("copydesk: \(predictions): \(error)\n")
                throw ExitCode(ExitStatus.usage)
            }
        }
        print(evaluation.report())
    }
}
