/// Gazetteers built from training names: one from all documents, and one per fold built
/// from the documents outside that fold, used for the fold's own training features.
struct NERGazetteerFolds {
    let full: NERGazetteer
    let folds: [NERGazetteer]

    /// `folds` below 2 yields empty gazetteers (no gazetteer features at all).
    init(documents: [CoNLLDocument], folds foldCount: Int) {
        guard foldCount > 1 else {
            full = .empty
            folds = []
            return
        }
        var fullBuilder = NERGazetteerBuilder()
        var builders = [NERGazetteerBuilder](repeating: NERGazetteerBuilder(), count: foldCount)
        for (number, document) in documents.enumerated() {
            let (text, tokens) = document.layout()
            let lower = text.withUnsafeBufferPointer { text in tokens.map { NERTokenAnalyzer.analyze(text, $0).lower } }
            for entity in document.entities {
                let name = lower[entity.start..<entity.end]
                fullBuilder.add(name, label: entity.label)
                for fold in 0..<foldCount where fold != number % foldCount { builders[fold].add(name, label: entity.label) }
            }
        }
        full = fullBuilder.build()
        folds = builders.map { $0.build() }
    }

    /// The gazetteer to use for training document `number`.
    func gazetteer(forDocument number: Int) -> NERGazetteer {
        folds.isEmpty ? .empty : folds[number % folds.count]
    }
}
