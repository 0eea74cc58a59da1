import Copydesk
import XCTest

/// Every way a line can fail strict validation, with the offset the error must point at.
final class JSONRejectionTests: XCTestCase {
    private typealias Fixture = JSONLineFixture

    // MARK: Structure

    func testTrailingCommaInObjectIsRejectedAtTheClosingBrace() {
        Fixture.assertRejects(#"{"a":1,}"#, at: 7, saying: "trailing comma")
    }

    func testTrailingCommaInArrayIsRejectedAtTheClosingBracket() {
        Fixture.assertRejects(#"{"a":[1,]}"#, at: 8, saying: "trailing comma")
    }

    func testSingleQuotedKeyIsRejected() {
        Fixture.assertRejects("{'a':1}", at: 1, saying: #"expected '"' to begin an object key or '}', found "'""#)
    }

    func testSingleQuotedValueIsRejected() {
        Fixture.assertRejects(#"{"a":'x'}"#, at: 5, saying: "expected a value")
    }

    func testMissingColonIsRejected() {
        Fixture.assertRejects(#"{"a" 1}"#, at: 5, saying: "expected ':' after object key, found '1'")
    }

    func testMissingCommaBetweenMembersIsRejected() {
        Fixture.assertRejects(#"{"a":1 "b":2}"#, at: 7, saying: #"expected ',' or '}' after object member, found '"'"#)
    }

    func testUnexpectedCharacterAfterMemberIsRejected() {
        Fixture.assertRejects(#"{"a":1x}"#, at: 6, saying: "expected ',' or '}' after object member, found 'x'")
    }

    func testMissingCommaBetweenArrayElementsIsRejected() {
        Fixture.assertRejects(#"{"a":[1 2]}"#, at: 8, saying: "expected ',' or ']' after array element, found '2'")
    }

    func testNonStringKeyIsRejected() {
        Fixture.assertRejects(#"{1:2}"#, at: 1, saying: "to begin an object key")
    }

    func testUnexpectedDataAfterTheObjectIsRejected() {
        Fixture.assertRejects(#"{"a":1} x"#, at: 8, saying: "unexpected data after the object")
    }

    func testSecondObjectOnTheSameLineIsRejected() {
        Fixture.assertRejects("{}{}", at: 2, saying: "unexpected data after the object")
    }

    // MARK: Top level

    func testTopLevelArrayIsRejected() {
        Fixture.assertRejects("[1,2]", at: 0, saying: "top-level value is not an object (found an array)")
    }

    func testTopLevelStringIsRejected() {
        Fixture.assertRejects(#"  "x""#, at: 2, saying: "top-level value is not an object (found a string)")
    }

    func testTopLevelNumberIsRejected() {
        Fixture.assertRejects("42", at: 0, saying: "top-level value is not an object (found a number)")
    }

    func testTopLevelNullIsRejected() {
        Fixture.assertRejects("null", at: 0, saying: "top-level value is not an object (found null)")
    }

    func testEmptyLineIsRejected() {
        Fixture.assertRejects("", at: 0, saying: "found end of line")
    }

    func testBlankLineIsRejectedAtItsEnd() {
        Fixture.assertRejects(" \t\r", at: 3, saying: "found end of line")
    }

    func testByteOrderMarkIsRejected() {
        Fixture.assertRejects("\u{FEFF}{}", at: 0, saying: "U+FEFF")
    }

    func testControlCharacterOutsideStringsIsRejected() {
        Fixture.assertRejects("{\"a\":1\u{0}}", at: 6, saying: "control character U+0000")
    }

    // MARK: Literals and numbers

    func testNaNIsRejected() {
        Fixture.assertRejects(#"{"a":NaN}"#, at: 5, saying: "expected a value")
    }

    func testNegativeInfinityIsRejectedAfterTheMinus() {
        Fixture.assertRejects(#"{"a":-Infinity}"#, at: 6, saying: "expected a digit after '-', found 'I'")
    }

    func testCapitalisedLiteralIsRejected() {
        Fixture.assertRejects(#"{"a":True}"#, at: 5, saying: "expected a value")
    }

    func testMisspelledLiteralIsRejectedAtTheFirstWrongByte() {
        Fixture.assertRejects(#"{"a":tru}"#, at: 8, saying: "expected 'true', found '}'")
    }

    func testLeadingZeroIsRejectedAtTheFollowingDigit() {
        Fixture.assertRejects(#"{"a":01}"#, at: 6, saying: "leading zeros are not allowed")
    }

    func testNegativeLeadingZeroIsRejected() {
        Fixture.assertRejects(#"{"a":-012}"#, at: 7, saying: "leading zeros are not allowed")
    }

    func testNumberWithoutIntegerPartIsRejected() {
        Fixture.assertRejects(#"{"a":.5}"#, at: 5, saying: "expected a value")
    }

    func testExplicitPlusSignIsRejected() {
        Fixture.assertRejects(#"{"a":+1}"#, at: 5, saying: "expected a value")
    }

    func testDecimalPointWithoutDigitsIsRejected() {
        Fixture.assertRejects(#"{"a":1.}"#, at: 7, saying: "expected a digit after the decimal point, found '}'")
    }

    func testExponentWithoutDigitsIsRejected() {
        Fixture.assertRejects(#"{"a":1e+}"#, at: 8, saying: "expected a digit in the exponent, found '}'")
    }

    func testHexNumberIsRejected() {
        Fixture.assertRejects(#"{"a":0x10}"#, at: 6, saying: "found 'x'")
    }

    func testSecondDecimalPointIsRejected() {
        Fixture.assertRejects(#"{"a":1.5.2}"#, at: 8, saying: "found '.'")
    }

    // MARK: Strings

    func testUnknownEscapeIsRejectedAtItsLetter() {
        Fixture.assertRejects(#"{"a":"\x"}"#, at: 7, saying: "expected an escape sequence")
    }

    func testShortUnicodeEscapeIsRejectedAtTheNonHexDigit() {
        Fixture.assertRejects(#"{"a":"\u12G4"}"#, at: 10, saying: "expected 4 hex digits after '\\u', found 'G'")
    }

    func testUnescapedLineFeedInStringIsRejected() {
        Fixture.assertRejects("{\"a\":\"x\ny\"}", at: 7, saying: "control character U+000A in string must be escaped")
    }

    func testUnescapedTabInKeyIsRejected() {
        Fixture.assertRejects("{\"a\tb\":1}", at: 3, saying: "control character U+0009 in string must be escaped")
    }

    func testUnterminatedStringIsRejectedAtTheEndOfTheLine() {
        Fixture.assertRejects(#"{"a":"abc"#, at: 9, saying: "unterminated string (opened at byte 5)")
    }

    func testStringEndingInABackslashIsUnterminated() {
        Fixture.assertRejects(#"{"a":"abc\"#, at: 10, saying: "unterminated string")
    }

    // MARK: Truncated lines

    func testLineCutAfterAValueIsRejectedAtItsEnd() {
        Fixture.assertRejects(#"{"a":1"#, at: 6, saying: "expected ',' or '}' after object member, found end of line")
    }

    func testLineCutAfterAColonIsRejectedAtItsEnd() {
        Fixture.assertRejects(#"{"a":"#, at: 5, saying: "expected a value, found end of line")
    }

    func testLineCutAfterAKeyIsRejectedAtItsEnd() {
        Fixture.assertRejects(#"{"a""#, at: 4, saying: "expected ':' after object key, found end of line")
    }

    func testLineCutAfterTheOpeningBraceIsRejectedAtItsEnd() {
        Fixture.assertRejects("{", at: 1, saying: "found end of line")
    }

    func testLineCutInsideALiteralIsRejectedAtItsEnd() {
        Fixture.assertRejects(#"{"a":fal"#, at: 8, saying: "expected 'false', found end of line")
    }

    func testLineCutInsideANestedArrayIsRejectedAtItsEnd() {
        Fixture.assertRejects(#"{"a":[1,[2"#, at: 10, saying: "expected ',' or ']' after array element, found end of line")
    }

    func testLineCutInsideAUnicodeEscapeIsRejectedAtItsEnd() {
        Fixture.assertRejects(#"{"a":"\u00"#, at: 10, saying: "unterminated string")
    }

    // MARK: UTF-8

    func testInvalidByteInStringIsRejectedAtThatByte() {
        Fixture.assertRejects(Fixture.bytes(#"{"a":"x"#) + [0xFF] + Fixture.bytes(#"y"}"#), at: 7, saying: "invalid UTF-8 byte 0xFF")
    }

    func testStrayContinuationByteInKeyIsRejected() {
        Fixture.assertRejects(Fixture.bytes(#"{"k"#) + [0x80] + Fixture.bytes(#"":1}"#), at: 3, saying: "invalid UTF-8 byte 0x80")
    }

    func testOverlongEncodingInStringIsRejected() {
        Fixture.assertRejects(Fixture.bytes(#"{"a":""#) + [0xC0, 0xAF] + Fixture.bytes(#""}"#), at: 6, saying: "invalid UTF-8 byte 0xC0")
    }

    func testThreeByteOverlongInStringIsRejected() {
        Fixture.assertRejects(Fixture.bytes(#"{"a":""#) + [0xE0, 0x80, 0xAF] + Fixture.bytes(#""}"#), at: 6, saying: "overlong")
    }

    func testEncodedSurrogateInStringIsRejected() {
        Fixture.assertRejects(Fixture.bytes(#"{"a":"ab"#) + [0xED, 0xA0, 0x80] + Fixture.bytes(#""}"#), at: 8, saying: "starting with byte 0xED")
    }

    func testCodePointAboveU10FFFFIsRejected() {
        Fixture.assertRejects(Fixture.bytes(#"{"a":""#) + [0xF4, 0x90, 0x80, 0x80] + Fixture.bytes(#""}"#), at: 6, saying: "starting with byte 0xF4")
    }

    func testSequenceCutByTheClosingQuoteIsRejectedAtItsLeadByte() {
        Fixture.assertRejects(Fixture.bytes(#"{"a":"é"#) + [0xE2, 0x82] + Fixture.bytes(#""}"#), at: 8, saying: "incomplete UTF-8 sequence starting with byte 0xE2")
    }

    func testSequenceCutByTheEndOfTheLineIsRejectedAtItsLeadByte() {
        Fixture.assertRejects(Fixture.bytes(#"{"a":""#) + [0xF0, 0x9F, 0x98], at: 6, saying: "incomplete UTF-8 sequence starting with byte 0xF0")
    }

    func testInvalidByteAfterALongASCIIRunIsRejectedAtThatByte() {
        let prefix = #"{"a":""# + String(repeating: "abcdefg ", count: 20)
        Fixture.assertRejects(Fixture.bytes(prefix) + [0xFE] + Fixture.bytes(#""}"#), at: prefix.utf8.count, saying: "invalid UTF-8 byte 0xFE")
    }

    func testInvalidByteWhereAKeyShouldStartIsReportedAsInvalidUTF8() {
        Fixture.assertRejects([0x7B, 0xFF, 0x7D], at: 1, saying: "invalid UTF-8 byte 0xFF")
    }

    func testValidNonASCIIWhereAValueShouldStartIsNamedWithItsCodePoint() {
        Fixture.assertRejects(#"{"a":é}"#, at: 5, saying: "found 'é' (U+00E9)")
    }

    // MARK: Every word lane

    func testControlCharacterIsFoundAtEveryPositionOfALongString() {
        for position in 0..<24 {
            let prefix = #"{"a":""# + String(repeating: "p", count: position)
            let line = Fixture.bytes(prefix) + [0x1F] + Fixture.bytes(String(repeating: "s", count: 20) + #""}"#)
            Fixture.assertRejects(line, at: prefix.utf8.count, saying: "control character U+001F")
        }
    }

    func testInvalidUTF8IsFoundAtEveryPositionOfALongString() {
        for position in 0..<24 {
            let prefix = #"{"a":""# + String(repeating: "p", count: position)
            let line = Fixture.bytes(prefix) + [0xC3, 0x28] + Fixture.bytes(String(repeating: "s", count: 20) + #""}"#)
            Fixture.assertRejects(line, at: prefix.utf8.count, saying: "incomplete UTF-8 sequence starting with byte 0xC3")
        }
    }

    func testBadEscapeIsFoundAtEveryPositionOfALongString() {
        for position in 0..<24 {
            let prefix = #"{"a":""# + String(repeating: "p", count: position)
            let line = prefix + #"\q"# + String(repeating: "s", count: 20) + #""}"#
            Fixture.assertRejects(line, at: prefix.utf8.count + 1, saying: "expected an escape sequence")
        }
    }
}
