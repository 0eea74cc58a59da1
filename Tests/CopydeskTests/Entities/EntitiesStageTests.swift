import XCTest
@testable import Copydesk

/// The `entities` stage: each tagger, the merge policy, topics, and offsets in the output.
final class EntitiesStageTests: XCTestCase {
    private let places = """
        gazetteer: {label: LOC}
        entries:
          - {name: "New Delhi", id: "geo:1"}
          - {name: "Delhi", id: "geo:2"}
          - {name: "São Paulo", aliases: ["Sao Paulo"], id: "geo:3"}
          - {name: "US", case: sensitive, id: "iso:US"}
          - {name: "BTS", label: ORG, aliases: ["Bangtan Boys"]}
        """

    private let money = """
        rules:
          - id: money-rupees
            label: MONEY
            pattern: '(?:Rs\\.?|₹)\\s?\\d[\\d,]*(?:\\.\\d+)?(?:\\s(?:lakh|crore))?'
            examples:
              - {input: "It cost Rs 20 lakh.", entities: ["Rs 20 lakh"]}
              - {input: "Rsvp now.", entities: []}
          - id: year-word
            label: DATE
            pattern: '\\bDelhi 2024\\b'
            examples:
              - {input: "Delhi 2024 was busy.", entities: ["Delhi 2024"]}
        """

    private func pipeline(model: String = "none", priority: String = "", topics: String? = nil) throws -> Pipeline {
        var files = ["places.yaml": places, "money.yaml": money]
        var stage = """
            stages:
              - stage: entities
                model: \(model)
                gazetteers: [places.yaml]
                patterns: [money.yaml]
            \(priority)
            """
        if let topics {
            files["topics.yaml"] = topics
            stage += "    topics: [topics.yaml]\n"
        }
        return try makePipeline(stage, files: files)
    }

    private func tagged(_ text: String, _ pipeline: Pipeline) -> [String] {
        let document = process(text, through: pipeline, tracksOrigins: false)
        let bytes = Array(text.utf8)
        return (document.entities ?? []).map { "\(String(decoding: bytes[$0.range], as: UTF8.self))/\($0.label)/\($0.source.rawValue)" }
    }

    func testGazetteerTakesTheLongestNameAndItsAliases() throws {
        let p = try pipeline()
        XCTAssertEqual(tagged("From New Delhi to Sao Paulo, then Delhi.", p), [
            "New Delhi/LOC/gazetteer", "Sao Paulo/LOC/gazetteer", "Delhi/LOC/gazetteer",
        ])
        let document = process("Bangtan Boys toured.", through: p)
        XCTAssertEqual(document.entities?.first?.canonical, "BTS")
    }

    func testCaseSensitiveEntriesMatchOnlyTheirCase() throws {
        let p = try pipeline()
        XCTAssertEqual(tagged("The US said it would help us.", p), ["US/LOC/gazetteer"])
    }

    func testPatternsTagWithTheirLabel() throws {
        XCTAssertEqual(tagged("Prize money was ₹5 crore this year.", try pipeline()), ["₹5 crore/MONEY/pattern"])
    }

    func testTheLongestCandidateWinsAnOverlap() throws {
        // "Delhi 2024" (pattern, 10 bytes) is longer than "Delhi" (gazetteer, 5 bytes).
        XCTAssertEqual(tagged("Delhi 2024 was busy.", try pipeline()), ["Delhi 2024/DATE/pattern"])
    }

    func testPriorityBreaksTiesBetweenEquallyLongCandidates() {
        let a = Entity(field: "text", range: 0..<5, label: "LOC", source: .model)
        let b = Entity(field: "text", range: 0..<5, label: "ORG", source: .gazetteer)
        let c = Entity(field: "text", range: 3..<9, label: "MISC", source: .pattern)
        XCTAssertEqual(EntityMerge.resolve([a, b, c], priority: [.gazetteer, .pattern, .model]).map(\.label), ["MISC"])
        XCTAssertEqual(EntityMerge.resolve([a, b], priority: [.gazetteer, .pattern, .model]).map(\.label), ["ORG"])
        XCTAssertEqual(EntityMerge.resolve([a, b], priority: [.model, .gazetteer, .pattern]).map(\.label), ["LOC"])
    }

    func testPriorityIsConfigurable() throws {
        let p = try pipeline(model: "builtin", priority: "    priority: [model, gazetteer, pattern]")
        let document = process("Officials in New Delhi met on Monday.", through: p, tracksOrigins: false)
        XCTAssertEqual(document.entities?.first(where: { $0.range == 13..<22 })?.source, .model)
    }

    func testTheModelTagsPeopleAndOrganisations() throws {
        let p = try pipeline(model: "builtin")
        let labels = tagged("Virat Kohli met officials of Tata Motors in Mumbai on Friday.", p)
        XCTAssertTrue(labels.contains("Virat Kohli/PERSON/model"), "\(labels)")
        XCTAssertTrue(labels.contains("Tata Motors/ORG/model"), "\(labels)")
    }

    func testASurnameTakesTheLabelOfThePersonNamedInFull() {
        let text = Array("Nitish Kumar spoke. Kumar said Patna would wait.".utf8)
        let entities = [
            Entity(field: "text", range: 0..<12, label: "PERSON", source: .model),
            Entity(field: "text", range: 20..<25, label: "LOC", source: .model),
            Entity(field: "text", range: 31..<36, label: "LOC", source: .model),
        ]
        XCTAssertEqual(ModelSpanFilter.relabelNameParts(entities, in: text).map(\.label), ["PERSON", "PERSON", "LOC"])
    }

    func testTheModelCopesWithAllCapsHeadlinesAndKoreanNames() throws {
        let p = try pipeline(model: "builtin")
        let headline = tagged("INDIA BEAT AUSTRALIA BY SIX WICKETS IN MUMBAI", p)
        XCTAssertTrue(headline.contains("INDIA/LOC/model") && headline.contains("AUSTRALIA/LOC/model"), "\(headline)")
        XCTAssertTrue(tagged("BTS star Jimin and Ha Sung Woon release a duet.", p).contains("Ha Sung Woon/PERSON/model"))
        XCTAssertTrue(tagged("Actor Lee Byung-hun will star in the film.", p).contains("Lee Byung-hun/PERSON/model"))
    }

    func testTextInOtherScriptsGetsNoModelEntities() throws {
        let p = try pipeline(model: "builtin")
        XCTAssertEqual(tagged("नई दिल्ली में आज बारिश हुई। 서울에서 방탄소년단이 공연했다.", p), [])
    }

    func testTopicsFireOnEntitiesOrWords() throws {
        let topics = """
            topics:
              - {tag: k-pop, entities: [BTS], words: [idol group]}
              - {tag: cricket, words: [wicket]}
            """
        let p = try pipeline(topics: topics)
        XCTAssertEqual(process("Bangtan Boys return.", through: p).tags, ["k-pop"])
        XCTAssertEqual(process("A new IDOL  GROUP debuts.", through: p).tags, ["k-pop"])
        XCTAssertEqual(process("He took a wicket.", through: p).tags, ["cricket"])
        XCTAssertEqual(process("Wickets fell.", through: p).tags, [])
    }

    func testOutputOffsetsAreCodePointsOfTheCleanedText() throws {
        let p = try pipeline()
        let document = process("Ünïcødé — from São Paulo.", through: p, tracksOrigins: false)
        var writer = JSONWriter()
        writer.entities(of: document, textField: "text")
        let json = String(decoding: writer.bytes, as: UTF8.self)
        XCTAssertEqual(json, #"[{"text":"São Paulo","label":"LOC","start":15,"end":24,"source":"gazetteer","canonical":"São Paulo","id":"geo:3"}]"#)
        XCTAssertEqual(Array("Ünïcødé — from São Paulo.".unicodeScalars)[15..<24].map(String.init).joined(), "São Paulo")
    }

    func testTheTitleIsTaggedWhenListedInFields() throws {
        let p = try makePipeline("""
            stages:
              - stage: entities
                fields: [title, text]
                model: none
                gazetteers: [places.yaml]
            """, files: ["places.yaml": places])
        let document = process("Rain in Delhi.", fields: ["title": "New Delhi braces for rain"], through: p)
        XCTAssertEqual(document.entities?.map { "\($0.field):\($0.canonical ?? "")" }, ["title:New Delhi", "text:Delhi"])
        var writer = JSONWriter()
        writer.entities(of: document, textField: "text")
        XCTAssertTrue(String(decoding: writer.bytes, as: UTF8.self).contains(#""field":"title""#))
    }

    func testMentionsCountAndSortBySalience() throws {
        let p = try pipeline()
        let document = process("Delhi, then New Delhi, then Delhi again.", through: p)
        XCTAssertEqual(document.mentions.map { "\($0.canonical):\($0.count):\($0.first)" }, ["Delhi:2:0", "New Delhi:1:12"])
    }

    func testASurnameCountsAsAMentionOfThePersonNamedBefore() {
        var document = Document(fields: ["text": Array("Parvati Negi won. Negi said Asha Rao and Ravi Rao cheered; Rao left.".utf8)])
        let people: [Range<Int>] = [0..<12, 18..<22, 28..<36, 41..<49, 59..<62]
        document.entities = people.map { Entity(field: "text", range: $0, label: "PERSON", source: .model) }
        // "Rao" could be either Rao, so it stays a mention of its own.
        XCTAssertEqual(document.mentions.map { "\($0.canonical):\($0.count)" }, ["Parvati Negi:2", "Asha Rao:1", "Ravi Rao:1", "Rao:1"])
    }

    func testExplainListsTheEntitiesAStageFound() throws {
        let picked = PickedDocument(document: Document(fields: ["text": Array("Rain in New Delhi cost Rs 20 lakh.".utf8)]), inputName: "<stdin>", format: .text)
        let explanation = Explainer(pipeline: try pipeline()).explain(picked)
        XCTAssertTrue(explanation.text(color: false).contains("entities: New Delhi (LOC, gazetteer); Rs 20 lakh (MONEY, pattern)"), explanation.text(color: false))
    }

    func testStatsCountDocumentsWithEntitiesAsChangedAndPatternHits() throws {
        let p = try pipeline()
        let context = WorkerContext(stats: PipelineStats(for: p))
        for text in ["Rain in Delhi.", "Nothing here.", "It cost Rs 20 lakh and Rs 5 lakh."] {
            var document = Document(fields: ["text": Array(text.utf8)])
            p.process(&document, context: context)
        }
        let stats = try XCTUnwrap(context.stats)
        XCTAssertEqual(stats.stages["entities-1"]?.documentsChanged, 2)
        XCTAssertEqual(stats.rules["money-rupees"]?.hits, 2)
        XCTAssertEqual(stats.rules["money-rupees"]?.documentsHit, 1)
    }

    func testPatternExamplesRunInCopydeskTest() throws {
        let results = try pipeline().runExamples(context: WorkerContext())
        XCTAssertEqual(results.count, 3)
        XCTAssertTrue(results.allSatisfy(\.passed), "\(results.compactMap(\.failure))")
    }

    func testConfigErrorsNameTheFileAndLine() {
        let errors = configErrors("""
            stages:
              - stage: entities
                model: none
                gazetteers: [bad.yaml]
                priority: [gazeteer]
            """, files: ["bad.yaml": "gazetteer: {case: upper}\nentries:\n  - {name: X}\n"])
        XCTAssertTrue(errors.contains { $0.contains("bad.yaml:1:") && $0.contains("case") }, "\(errors)")
        XCTAssertTrue(errors.contains { $0.contains("bad.yaml:3:") && $0.contains("no label") }, "\(errors)")
        XCTAssertTrue(errors.contains { $0.contains("pipeline.yaml:5:") && $0.contains("gazetteer") }, "\(errors)")
    }

    func testGazetteerFileMistakesAreReportedWhereTheyAre() {
        let file = """
            gazetteer: {label: LOC}
            entries:
              - {name: "Pune", nmae: "x"}
              - {name: "Agra", id: "a", id: "b"}
              - {aliases: ["Nowhere"]}
              - just a string
            """
        let errors = configErrors("stages:\n  - stage: entities\n    model: none\n    gazetteers: [g.yaml]\n", files: ["g.yaml": file])
        XCTAssertTrue(errors.contains { $0.contains("g.yaml:3:") && $0.contains("nmae") && $0.contains("name") }, "\(errors)")
        XCTAssertTrue(errors.contains { $0.contains("g.yaml:4:") && $0.contains("duplicate key \"id\"") }, "\(errors)")
        XCTAssertTrue(errors.contains { $0.contains("g.yaml:5:") && $0.contains("missing required key \"name\"") }, "\(errors)")
        XCTAssertTrue(errors.contains { $0.contains("g.yaml:6:") && $0.contains("entry mapping") }, "\(errors)")
    }

    func testAMissingModelFileIsAConfigError() {
        let errors = configErrors("stages:\n  - stage: entities\n    model: models/missing.bin\n")
        XCTAssertTrue(errors.contains { $0.contains("pipeline.yaml:3:") && $0.contains("NER model") }, "\(errors)")
    }
}
