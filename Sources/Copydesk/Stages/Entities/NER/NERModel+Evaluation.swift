extension NERModel {
    /// Tags every document's gold tokens (not re-tokenised text) and scores the result.
    /// `predictions`, when given, receives `TOKEN GOLD PREDICTED` lines (IOB2), a blank line between sentences.
    public func evaluate(on documents: [CoNLLDocument], predictions: ((String) -> Void)? = nil) -> NEREvaluation {
        var scratch = NERScratch()
        var evaluation = NEREvaluation()
        for document in documents {
            let (text, tokens) = document.layout()
            let predicted = text.withUnsafeBufferPointer { text in
                tagTokens(text, tokens: tokens, sentenceStarts: document.sentenceStarts, scratch: &scratch)
            }
            evaluation.add(gold: document.entities, predicted: predicted, tokenCount: document.tokens.count)
            predictions?(Self.predictionLines(document, predicted))
        }
        return evaluation
    }

    private static func predictionLines(_ document: CoNLLDocument, _ predicted: [TokenSpan]) -> String {
        func tags(_ spans: [TokenSpan]) -> [String] {
            var tags = [String](repeating: "O", count: document.tokens.count)
            for span in spans {
                for index in span.start..<span.end { tags[index] = (index == span.start ? "B-" : "I-") + span.label.name }
            }
            return tags
        }
        let gold = tags(document.entities)
        let guess = tags(predicted)
        var text = ""
        for sentence in document.sentenceStarts.indices {
            for index in document.sentence(sentence) { text += "\(document.tokens[index]) \(gold[index]) \(guess[index])\n" }
            text += "\n"
        }
        return text
    }
}
