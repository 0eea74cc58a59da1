/// The files `copydesk init` writes: the embedded default pipeline as `copydesk.yaml` and
/// every rule file it includes, at the same relative paths.
public enum DefaultConfigExport {
    public static func files() throws(ConfigError) -> [(path: String, contents: String)] {
        let pipeline = try ConfigLocation.embedded("pipeline.yaml").load()
        let embedded = EmbeddedRules.files
        let prefix = EmbeddedRules.root + "/"
        return pipeline.files.compactMap { path in
            let relative = path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
            guard let contents = embedded[relative] else { return nil }
            return (relative == "pipeline.yaml" ? "copydesk.yaml" : relative, contents)
        }
    }
}
