/// The default pipeline and rule packs from `Rules/`, compiled into the binary so that
/// Copydesk works from any folder with no flags. `EmbeddedRules.swift` is generated from
/// `Rules/` by `make embed`; a test fails when the two differ.
public enum EmbeddedRules {
    /// The prefix that embedded paths carry in messages: `<embedded>/pipeline.yaml`.
    public static let root = "<embedded>"

    /// The embedded files, keyed by their path under `Rules/`.
    public static var files: [String: String] {
        Dictionary(uniqueKeysWithValues: generatedFiles.map { ($0.path, $0.contents) })
    }

    /// The embedded files as a config file system, with paths under `root`.
    public static var fileSystem: InMemoryFileSystem {
        InMemoryFileSystem(
            files: Dictionary(uniqueKeysWithValues: generatedFiles.map { (root + "/" + $0.path, $0.contents) }),
            base64Files: Dictionary(uniqueKeysWithValues: generatedBinaryFiles.map { (root + "/" + $0.path, $0.base64) }))
    }

    /// The default NER model (`Rules/models/ner.bin`), as bytes.
    public static var nerModel: [UInt8]? {
        (try? fileSystem.read(root + "/" + nerModelPath))
    }

    /// Where the default NER model sits under `Rules/` (and under `root`).
    public static let nerModelPath = "models/ner.bin"
}
