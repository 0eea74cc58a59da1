import CopydeskPluginAPI

/// `shouting`: flags a document whose letters are mostly capitals (`style` / `shouting`),
/// and drops it when `drop: true`. `ratio` (default 0.6) sets the share of capitals;
/// texts with fewer than `min_letters` (default 20) letters are left alone.
struct ShoutingStage: PluginStage {
    let ratio: Double
    let minLetters: Int
    let drops: Bool

    static let factory = PluginStageFactory(name: "shouting", capabilities: [.flags, .drop]) { config in
        let ratio = config.double("ratio") ?? 0.6
        guard ratio > 0, ratio <= 1 else { throw PluginConfigError("ratio must be more than 0 and at most 1, got \(ratio)") }
        return ShoutingStage(ratio: ratio, minLetters: config.int("min_letters") ?? 20, drops: config.bool("drop") ?? false)
    }

    func process(_ document: inout PluginDocument) throws {
        guard let text = document["text"] else { return }
        var letters = 0
        var capitals = 0
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            letters += 1
            if scalar.properties.isUppercase { capitals += 1 }
        }
        guard letters >= minLetters, Double(capitals) >= ratio * Double(letters) else { return }
        if drops {
            document.drop(reason: "shouting: \(capitals) of \(letters) letters are capitals")
        } else {
            document.flags.append(PluginFlag(rule: "shouting", category: "style", severity: "low"))
        }
    }
}
