import XCTest
@testable import Copydesk

final class YAMLScalarResolutionTests: XCTestCase {
    private func value(_ scalar: String) throws -> YAMLNode {
        try XCTUnwrap(parsedYAML("v: \(scalar)\n")["v"])
    }

    func testEmptyStreamIsANullPlainScalarAtTheStart() throws {
        let root = try parsedYAML("# only a comment\n")
        XCTAssertTrue(root.isNull)
        XCTAssertEqual(root.mark, yamlMark(1, 1))
        XCTAssertEqual(root.scalar, YAMLScalar(value: "", style: .plain))
    }

    func testPlainNullSpellingsAreNull() throws {
        for text in ["", "~", "null", "Null", "NULL"] {
            let node = try value(text)
            XCTAssertTrue(node.isNull, text)
            XCTAssertNil(node.string, text)
        }
        XCTAssertFalse(try value("nULL").isNull)
    }

    func testQuotedEmptyStringIsNotNull() throws {
        for text in ["\"\"", "''", "'null'"] {
            let node = try value(text)
            XCTAssertFalse(node.isNull, text)
            XCTAssertNotNil(node.string, text)
        }
    }

    func testOnlyCoreSchemaSpellingsAreBooleans() throws {
        XCTAssertEqual(try ["true", "True", "TRUE", "false", "False", "FALSE"].map { try value($0).bool },
                       [true, true, true, false, false, false])
        for text in ["yes", "no", "on", "off", "tRUE", "\"true\""] {
            XCTAssertNil(try value(text).bool, text)
        }
    }

    func testIntegersAcceptSignsHexAndOctal() throws {
        XCTAssertEqual(try ["42", "-7", "+3", "007", "0x1F", "0o17"].map { try value($0).int },
                       [42, -7, 3, 7, 31, 15])
    }

    func testIntegersRejectUnderscoresFloatsAndOverflow() throws {
        for text in ["1_000", "1.5", "0x", "0b101", "-0x1", "99999999999999999999", "12abc"] {
            XCTAssertNil(try value(text).int, text)
        }
    }

    func testDoublesAcceptIntegersFloatsAndSpecialValues() throws {
        XCTAssertEqual(try ["1.5", "-2e3", ".5", "5.", "12", "0x10", "+1E-2"].map { try value($0).double },
                       [1.5, -2000, 0.5, 5, 12, 16, 0.01])
        XCTAssertEqual(try value(".inf").double, .infinity)
        XCTAssertEqual(try value("-.Inf").double, -.infinity)
        XCTAssertEqual(try value(".NaN").double?.isNaN, true)
    }

    func testDoublesRejectOtherText() throws {
        for text in ["1_0.5", "inf", "nan", "1e", ".", "0x1p3", "1.2.3"] {
            XCTAssertNil(try value(text).double, text)
        }
    }

    func testQuotedNumbersAndBooleansStayStrings() throws {
        for text in ["\"42\"", "'1.5'", "\"true\"", "'~'"] {
            let node = try value(text)
            XCTAssertNil(node.int, text)
            XCTAssertNil(node.double, text)
            XCTAssertNil(node.bool, text)
            XCTAssertFalse(node.isNull, text)
        }
    }

    func testStringOfAPlainNumberIsItsText() throws {
        XCTAssertEqual(try value("0x1F").string, "0x1F")
    }

    func testStrTagKeepsAPlainScalarAString() throws {
        let root = try parsedYAML("a: !!str 123\nb: !!str true\nc: !!str\n")
        XCTAssertEqual(root["a"]?.tag, "!!str")
        XCTAssertNil(root["a"]?.int)
        XCTAssertNil(root["b"]?.bool)
        XCTAssertFalse(root["c"]?.isNull ?? true)
        XCTAssertEqual(root["c"]?.string, "")
    }

    func testCoreTagsResolveQuotedText() throws {
        let root = try parsedYAML("a: !!int \"12\"\nb: !!float '1'\n")
        XCTAssertEqual(root["a"]?.int, 12)
        XCTAssertEqual(root["b"]?.double, 1)
    }

    func testLocalTagIsKeptAndItsScalarIsAString() throws {
        let node = try value("!env 42")
        XCTAssertEqual(node.tag, "!env")
        XCTAssertEqual(node.string, "42")
        XCTAssertNil(node.int)
    }

    func testCollectionsHaveNoScalarValues() throws {
        let root = try parsedYAML("m: {a: 1}\ns: [1]\n")
        for node in [root["m"], root["s"]] {
            XCTAssertNil(node?.string)
            XCTAssertNil(node?.int)
            XCTAssertFalse(node?.isNull ?? true)
        }
        XCTAssertNil(root["m"]?.sequence)
        XCTAssertNil(root["s"]?.mapping)
    }

    func testSubscriptFindsTheValueByKeyText() throws {
        let root = try parsedYAML("1: one\nid: two\n")
        XCTAssertEqual(root["1"]?.string, "one")
        XCTAssertNil(root["missing"])
        XCTAssertNil(root["id"]?["anything"])
    }
}
