import XCTest
@testable import Copydesk

final class PIIValidatorTests: XCTestCase {
    private func digits(_ s: String) -> [UInt8] { s.utf8.map { $0 - 48 } }

    func testLuhnAcceptsValidAndRejectsAChangedCheckDigit() {
        for valid in ["4111111111111111", "5500005555555559", "378282246310005", "6011111111111117", "6521234567890126"] {
            XCTAssertTrue(PIIValidators.card(digits(valid)), valid)
        }
        XCTAssertFalse(PIIValidators.luhn(digits("4111111111111112")))
        XCTAssertFalse(PIIValidators.card(digits("4111111111111112")))
    }

    func testCardNeedsAKnownNetworkPrefixAndLength() {
        XCTAssertEqual(PIIValidators.cardNetwork(digits("4111111111111111")), "visa")
        XCTAssertEqual(PIIValidators.cardNetwork(digits("378282246310005")), "amex")
        XCTAssertNil(PIIValidators.cardNetwork(digits("9111111111111111")), "no network starts with 9")
        XCTAssertNil(PIIValidators.cardNetwork(digits("41111111111111")), "Visa has 13, 16 or 19 digits")
    }

    func testVerhoeffAcceptsValidAadhaarAndRejectsBadCheckDigitsAndLeadingZeroOrOne() {
        for valid in ["234567890124", "499187654323", "987654321012", "599123456784"] {
            XCTAssertTrue(PIIValidators.aadhaar(digits(valid)), valid)
        }
        XCTAssertFalse(PIIValidators.aadhaar(digits("234567890123")))
        XCTAssertFalse(PIIValidators.aadhaar(digits("499187654324")))
        XCTAssertFalse(PIIValidators.aadhaar(digits("123456789012")), "Aadhaar never starts with 0 or 1")
    }

    func testPANNeedsTheShapeAndAHolderTypeLetter() {
        XCTAssertTrue(PIIValidators.pan(Array("ABCPE1234F".utf8)))
        XCTAssertTrue(PIIValidators.pan(Array("AAACC1234D".utf8)))
        XCTAssertFalse(PIIValidators.pan(Array("ABCDE1234F".utf8)), "D is not a holder type")
        XCTAssertFalse(PIIValidators.pan(Array("ABCP11234F".utf8)))
        XCTAssertFalse(PIIValidators.pan(Array("abcpe1234f".utf8)))
    }

    func testIPv4OctetsAreAtMost255WithoutLeadingZeros() {
        XCTAssertTrue(PIIValidators.ipv4(Array("192.168.0.1".utf8)))
        XCTAssertTrue(PIIValidators.ipv4(Array("255.255.255.255".utf8)))
        XCTAssertFalse(PIIValidators.ipv4(Array("256.1.1.1".utf8)))
        XCTAssertFalse(PIIValidators.ipv4(Array("10.01.1.1".utf8)))
        XCTAssertFalse(PIIValidators.ipv4(Array("1.2.3".utf8)))
    }

    func testIPv6FullAndCompressedForms() {
        for valid in ["2001:0db8:85a3:0000:0000:8a2e:0370:7334", "2001:db8::1", "::1", "fe80::1ff:fe23:4567:890a", "::ffff:192.0.2.128"] {
            XCTAssertTrue(PIIValidators.ipv6(Array(valid.utf8)), valid)
        }
        for invalid in ["10:30:45", "2001:db8::1::2", "1:2:3:4:5:6:7", "12345::1", "2001:db8:::1", "g::1"] {
            XCTAssertFalse(PIIValidators.ipv6(Array(invalid.utf8)), invalid)
        }
    }
}
