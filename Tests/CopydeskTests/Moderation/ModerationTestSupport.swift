@testable import Copydesk

/// A pipeline with one moderation stage (YAML mapping lines after `- stage: …`, indented by 4) and an optional policy.
func moderationPipeline(_ stage: String, policy: String = "", files: [String: String] = [:]) throws(ConfigError) -> Pipeline {
    try makePipeline("""
        \(policy)
        stages:
          - \(stage)
        """, files: files)
}

/// The text of each detection of `document` in its field, as the output would show it.
func detectedTexts(_ document: Document) -> [String] {
    (document.moderation ?? []).map { detection in
        let bytes = document.field(detection.field) ?? []
        return String(decoding: bytes[detection.range.clamped(to: bytes.indices)], as: UTF8.self)
    }
}

/// Runs text through the built-in lexicon lists.
func lexiconHits(_ text: String) throws -> [String] {
    let pipeline = try moderationPipeline("stage: lexicon\n    fields: [text]")
    return detectedTexts(process(text, through: pipeline))
}
