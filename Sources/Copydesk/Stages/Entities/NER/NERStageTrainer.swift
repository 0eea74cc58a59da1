/// Trains the weights of one stage: feature numbering, perceptron epochs, quantisation.
struct NERStageTrainer {
    let options: NERTrainingOptions
    /// Name used in log lines.
    let name: String

    /// Numbers the training set's features and resolves both sets against them.
    func index(_ training: inout NERTrainingSet, _ development: inout NERTrainingSet, log: (String) -> Void) -> NERFeatureIndex {
        let index = NERFeatureIndex(counting: training.keys, cutoff: options.featureCutoff)
        training.resolve(with: index)
        development.resolve(with: index)
        log("\(name): \(index.count) features kept (cutoff \(options.featureCutoff)); \(training.tokenCount) tokens in \(training.sentences.count) sentences")
        return index
    }

    /// Runs the perceptron over `sentences` of `set` and returns its averaged, quantised
    /// weights. Scores `development` after each epoch when given.
    func train(
        _ set: NERTrainingSet, sentences: [Int], featureCount: Int, development: NERTrainingSet?, log: (String) -> Void
    ) -> NERQuantizedWeights {
        let scheme = options.scheme
        var perceptron = NERPerceptron(featureCount: featureCount, tagCount: scheme.tagCount)
        var decoder = NERSetDecoder(scheme: scheme)
        var random = NERRandom(seed: options.seed)
        var order = sentences
        for epoch in 1...max(1, options.epochs) {
            random.shuffle(&order)
            var mistakes = 0
            var learned = perceptron.transitions
            var transitions = NERTransitions(learned: learned, scheme: scheme)
            for sentenceIndex in order {
                let sentence = set.sentences[sentenceIndex]
                if learned != perceptron.transitions {
                    learned = perceptron.transitions
                    transitions = NERTransitions(learned: learned, scheme: scheme)
                }
                decoder.decode(set, sentence: sentence, weights: perceptron.weights, transitions: transitions)
                let gold = set.tags[sentence]
                if !gold.elementsEqual(decoder.tags) {
                    mistakes += 1
                    perceptron.update(set: set, start: sentence.lowerBound, gold: gold, predicted: decoder.tags)
                }
                perceptron.tick()
            }
            var line = "\(name) epoch \(epoch)/\(options.epochs): \(mistakes) sentences wrong"
            if let development, !development.sentences.isEmpty {
                let averaged = perceptron.averaged()
                let quantized = NERQuantizedWeights(weights: averaged.weights, transitions: averaged.transitions)
                let s = decoder.evaluate(development, weights: quantized.weights, transitions: quantized.transitions).scores()
                line += "; dev P \(NERTrainer.format(s.precision)) R \(NERTrainer.format(s.recall)) F1 \(NERTrainer.format(s.f1))"
            }
            log(line)
        }
        let averaged = perceptron.averaged()
        return NERQuantizedWeights(weights: averaged.weights, transitions: averaged.transitions)
    }

    /// Builds the stage: drops all-zero rows and orders rows by key.
    func assemble(_ quantized: NERQuantizedWeights, keys: [UInt64]) -> NERModelStage {
        let tagCount = options.scheme.tagCount
        var rows: [(key: UInt64, id: Int)] = []
        for (id, key) in keys.enumerated() {
            let base = id * tagCount
            if quantized.weights[base..<(base + tagCount)].contains(where: { $0 != 0 }) { rows.append((key, id)) }
        }
        rows.sort { $0.key < $1.key }
        var weights: [Int16] = []
        weights.reserveCapacity(rows.count * tagCount)
        for row in rows { weights.append(contentsOf: quantized.weights[(row.id * tagCount)..<((row.id + 1) * tagCount)]) }
        return NERModelStage(scheme: options.scheme, weightScale: quantized.scale, keys: rows.map(\.key), weights: weights,
                             transitions: quantized.transitions)
    }
}
