import ArgumentParser
import Copydesk
import Foundation

/// `copydesk explain`: show what the pipeline does to one document, stage by stage.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show, stage by stage and rule by rule, what the pipeline does to one document.",
        discussion: """
            Reads input as run does. With JSON Lines, explains the first document, or the one \
            picked with --id or --line; plain text is one document. For each stage it prints every \
            rule that fired (id, file:line, action, span in code points, text), the meta, tags and \
            flags the stage added, and a diff of the text; then the final decision and its reason.
            Exit status: 0 ok, 1 config error, 2 usage error or no such document, 3 the picked \
            document is rejected.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    enum Color: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    @OptionGroup var configOptions: ConfigOptions

    @Option(help: ArgumentHelp("Explain the JSON Lines document whose \"id\" field is this string or number.", valueName: "id"))
    var id: String?

    @Option(help: ArgumentHelp("Explain the JSON Lines document on this input line (from 1).", valueName: "n"))
    var line: Int?

    @Option(help: ArgumentHelp("text or json.", valueName: "format"))
    var format: Format = .text

    @Option(help: ArgumentHelp("Colour the diff: auto (when stdout is a terminal), always or never.", valueName: "when"))
    var color: Color = .auto

    @OptionGroup var inputOptions: InputOptions

    func validate() throws {
        if id != nil && line != nil { throw ValidationError("use either --id or --line, not both") }
        if let line, line < 1 { throw ValidationError("--line must be at least 1") }
    }

    func run() throws {
        let pipeline = try configOptions.loadPipeline()
        let input = try inputOptions.open()
        defer { if input != 0 { close(input) } }
        let picker = DocumentPicker(codec: DocumentCodec(textField: inputOptions.textField), inputFormat: inputOptions.inputFormat, inputName: inputOptions.inputName)
        let picked: PickedDocument
        do {
            picked = try picker.pick(selector, from: input)
        } catch {
            switch error {
            case .notFound(let message):
                FileHandleOutput.standardError("copydesk: \(message)\n")
                throw ExitCode(ExitStatus.usage)
            case .rejected(let rejection):
                FileHandleOutput.standardError("\(picker.inputName):\(rejection.line):\(rejection.column ?? 1): error: \(rejection.message)\n")
                throw ExitCode(ExitStatus.rejectedInput)
            case .readFailed(let failure):
                FileHandleOutput.standardError("copydesk: error: \(failure)\n")
                throw ExitCode.failure
            }
        }
        let explanation = Explainer(pipeline: pipeline, textField: inputOptions.textField).explain(picked)
        switch format {
        case .text: print(explanation.text(color: useColor), terminator: "")
        case .json: print(explanation.json(), terminator: "")
        }
    }

    private var selector: DocumentSelector {
        if let id { return .id(id) }
        if let line { return .line(line) }
        return .first
    }

    private var useColor: Bool {
        switch color {
        case .always: true
        case .never: false
        case .auto: isatty(1) != 0
        }
    }
}
