/// Trains an `NERModel` from CoNLL documents with a structured averaged perceptron.
///
/// Stage one uses local and document features. With two stages, stage one is also
/// trained on folds of the training documents to label each held-out fold, and stage
/// two is trained with all of stage one's features plus what stage one decided about
/// each token, its neighbours and the same word elsewhere in the document (labels that
/// look, in training, as they will on unseen text).
public struct NERTrainer: Sendable {
    public let options: NERTrainingOptions

    public init(options: NERTrainingOptions = NERTrainingOptions()) {
        self.options = options
    }

    /// Trains on `training`, reporting progress (and, per epoch, scores on `development`
    /// if it is not empty) through `log`. The result depends only on the data and options.
    public func train(
        training: [CoNLLDocument],
        development: [CoNLLDocument] = [],
        log: (String) -> Void = { _ in }
    ) -> NERModel {
        let scheme = options.scheme
        let gazetteers = NERGazetteerFolds(documents: training, folds: options.gazetteerFolds)
        log("gazetteer: \(gazetteers.full.keys.count) entries (\(gazetteers.folds.count) folds)")
        let trainingGazetteer = { (number: Int) in gazetteers.gazetteer(forDocument: number) }
        let developmentGazetteer = { (_: Int) in gazetteers.full }

        var trainingSet = NERTrainingSet(documents: training, scheme: scheme, gazetteerFor: trainingGazetteer)
        var developmentSet = NERTrainingSet(documents: development, scheme: scheme, gazetteerFor: developmentGazetteer)
        let first = NERStageTrainer(options: options, name: "stage 1")
        let firstIndex = first.index(&trainingSet, &developmentSet, log: log)
        let firstWeights = first.train(trainingSet, sentences: Array(trainingSet.sentences.indices), featureCount: firstIndex.count,
                                       development: developmentSet, log: log)
        var stages = [first.assemble(firstWeights, keys: firstIndex.keys)]
        guard options.stages > 1 else { return NERModel(scheme: scheme, stages: stages, gazetteer: gazetteers.full) }

        let trainingLabels = heldOutLabels(trainingSet, featureCount: firstIndex.count, stage: first, log: log)
        var decoder = NERSetDecoder(scheme: scheme)
        let developmentSpans = decoder.predict(developmentSet, sentences: developmentSet.sentences.indices,
                                               weights: firstWeights.weights, transitions: firstWeights.transitions)
        let developmentLabels = Self.labels(developmentSpans, tokenCount: developmentSet.tokenCount)
        let trainingStarts = (0..<training.count).map { trainingSet.documentStart($0) }
        let developmentStarts = (0..<development.count).map { developmentSet.documentStart($0) }

        trainingSet = NERTrainingSet(documents: training, scheme: scheme, gazetteerFor: trainingGazetteer) { number in
            Array(trainingLabels[trainingStarts[number]..<(trainingStarts[number] + training[number].tokens.count)])
        }
        developmentSet = NERTrainingSet(documents: development, scheme: scheme, gazetteerFor: developmentGazetteer) { number in
            Array(developmentLabels[developmentStarts[number]..<(developmentStarts[number] + development[number].tokens.count)])
        }
        let second = NERStageTrainer(options: options, name: "stage 2")
        let secondIndex = second.index(&trainingSet, &developmentSet, log: log)
        let secondWeights = second.train(trainingSet, sentences: Array(trainingSet.sentences.indices), featureCount: secondIndex.count,
                                         development: developmentSet, log: log)
        stages.append(second.assemble(secondWeights, keys: secondIndex.keys))
        return NERModel(scheme: scheme, stages: stages, gazetteer: gazetteers.full)
    }

    /// First-stage labels for every training token, each document labelled by a model
    /// trained without its fold.
    private func heldOutLabels(_ set: NERTrainingSet, featureCount: Int, stage: NERStageTrainer, log: (String) -> Void) -> [UInt8] {
        let folds = max(2, options.historyFolds)
        var labels = [UInt8](repeating: 0, count: set.tokenCount)
        var decoder = NERSetDecoder(scheme: options.scheme)
        for fold in 0..<folds {
            var inside: [Int] = []
            var outside: [Int] = []
            for (number, sentences) in set.documentSentences.enumerated() {
                if number % folds == fold { outside.append(contentsOf: sentences) } else { inside.append(contentsOf: sentences) }
            }
            let weights = stage.train(set, sentences: inside, featureCount: featureCount, development: nil) { _ in }
            let spans = decoder.predict(set, sentences: outside, weights: weights.weights, transitions: weights.transitions)
            for span in spans { for index in span.start..<span.end { labels[index] = 1 + span.label.rawValue } }
            log("held-out first-stage labels for fold \(fold + 1)/\(folds)")
        }
        return labels
    }

    /// Per-token labels (0 outside, 1 + label inside) from spans.
    static func labels(_ spans: [TokenSpan], tokenCount: Int) -> [UInt8] {
        var labels = [UInt8](repeating: 0, count: tokenCount)
        for span in spans { for index in span.start..<span.end { labels[index] = 1 + span.label.rawValue } }
        return labels
    }

    static func format(_ value: Double) -> String {
        let scaled = Int((value * 10000).rounded())
        let fraction = scaled % 10000
        return "\(scaled / 10000)." + String(repeating: "0", count: 4 - String(fraction).count) + String(fraction)
    }
}
