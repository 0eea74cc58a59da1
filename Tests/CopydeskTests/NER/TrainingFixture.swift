@testable import Copydesk

/// A tiny CoNLL-style corpus written for these tests (not taken from any dataset).
enum TrainingFixture {
    static let text = """
    -DOCSTART- -X- -X- O

    Anna X X I-PER
    Berglund X X I-PER
    joined X X O
    Velmora X X I-ORG
    Systems X X I-ORG
    in X X O
    Tallinn X X I-LOC
    . X X O

    Velmora X X I-ORG
    opened X X O
    an X X O
    office X X O
    in X X O
    Quarry X X I-LOC
    Bay X X I-LOC
    . X X O

    KESTREL X X I-ORG
    WINS X X O
    NORDIC X X I-MISC
    CUP X X I-MISC

    -DOCSTART- -X- -X- O

    Tomas X X I-PER
    Ilves X X I-PER
    met X X O
    Anna X X B-PER
    Berglund X X I-PER
    on X X O
    Monday X X O
    . X X O

    The X X O
    Kestrel X X I-ORG
    Group X X I-ORG
    said X X O
    sales X X O
    rose X X O
    in X X O
    Tallinn X X I-LOC
    and X X O
    Quarry X X I-LOC
    Bay X X I-LOC
    . X X O

    Ilves X X I-PER
    praised X X O
    the X X O
    Nordic X X I-MISC
    team X X O
    . X X O
    """

    static func documents() throws -> [CoNLLDocument] {
        try CoNLLReader.parse(text, path: "fixture")
    }

    static func trainedModel(seed: UInt64 = 7, epochs: Int = 4) throws -> NERModel {
        var options = NERTrainingOptions()
        options.seed = seed
        options.epochs = epochs
        options.gazetteerFolds = 2
        return NERTrainer(options: options).train(training: try documents())
    }
}
