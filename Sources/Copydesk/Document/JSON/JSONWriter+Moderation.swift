extension JSONWriter {
    /// `[{"stage", "type", "category", "severity", "rule", "field", "start", "end", "confidence", "action"}]`,
    /// offsets in code points of the field's current (output) text. No matched text is written.
    mutating func moderation(of document: Document, codePoints: inout FieldCodePoints) {
        beginArray()
        for detection in document.moderation ?? [] {
            let points = codePoints.codePoints(detection.range, in: detection.field, of: document)
            beginObject()
            key("stage"); string(detection.stage)
            key("type"); string(detection.type)
            key("category"); string(detection.category)
            key("severity"); string(detection.severity.rawValue)
            key("rule"); string(detection.rule)
            key("field"); string(detection.field)
            key("start"); int(points.lowerBound)
            key("end"); int(points.upperBound)
            key("confidence"); double(Self.rounded(detection.confidence))
            key("action"); string(detection.action)
            endObject()
        }
        endArray()
    }

    /// `{"score", "features": {"id": contribution, …}}`.
    mutating func clickbait(_ score: ClickbaitScore) {
        beginObject()
        key("score"); double(Self.rounded(score.score))
        key("features")
        beginObject()
        for feature in score.features {
            key(dynamic: feature.id)
            double(Self.rounded(feature.value))
        }
        endObject()
        endObject()
    }

    /// Three decimals are plenty for a score and keep the output short.
    static func rounded(_ value: Double) -> Double {
        (value * 1000).rounded() / 1000
    }
}
