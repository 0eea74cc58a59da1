import XCTest
@testable import Copydesk

final class PIIStageTests: XCTestCase {
    private func found(_ text: String, stage: String = "stage: pii") throws -> [String] {
        let document = process(text, through: try moderationPipeline(stage))
        return zip(document.moderation ?? [], detectedTexts(document)).map { "\($0.type):\($1)" }
    }

    func testEmailsWithPlusTagsAndSubdomains() throws {
        XCTAssertEqual(try found("mail r.k_verma+news@mail.company.co.in, or"), ["email:r.k_verma+news@mail.company.co.in"])
    }

    func testEmailGluedToTheNextSentenceIsCutAtTheCapital() throws {
        XCTAssertEqual(try found("swapnil.rawal@paper.comThe Sena"), ["email:swapnil.rawal@paper.com"])
    }

    func testAnEmailWithANonASCIILocalPartIsFoundWhole() throws {
        XCTAssertEqual(try found("Email: jöhn.doe@example.com"), ["email:jöhn.doe@example.com"])
        XCTAssertEqual(try found("Email: ज्योति@example.com"), ["email:ज्योति@example.com"])
        XCTAssertEqual(try found("Email: «jo@example.com»"), ["email:jo@example.com"], "punctuation is not part of it")
    }

    func testRedactingAnEmailWithANonASCIILocalPartLeavesNothingOfIt() throws {
        let pipeline = try makePipeline("policy:\n  - {type: email, action: redact}\nstages:\n  - stage: pii")
        XCTAssertEqual(process("Email: jöhn.doe@example.com", through: pipeline).string("text"), "Email: [REDACTED:email]")
    }

    func testPublicOrganisationAddressesAreAllowListed() throws {
        XCTAssertEqual(try found("Write to press@paper.in or editor@paper.in"), [])
        XCTAssertEqual(try found("reach desk@paper.in"), ["email:desk@paper.in"])
        XCTAssertEqual(try found("reach desk@paper.in", stage: "stage: pii\n    allow: [\"desk@*\"]"), [])
    }

    func testIndianMobileFormats() throws {
        for number in ["+91 98765 43210", "+91-98765-43210", "+919876543210", "098765 43210", "98765 43210", "9876543210"] {
            XCTAssertEqual(try found("Call \(number) now"), ["phone:\(number)"], number)
        }
    }

    func testLandlineAndInternationalNumbers() throws {
        XCTAssertEqual(try found("Office: (011) 2345 6789"), ["phone:(011) 2345 6789"])
        XCTAssertEqual(try found("Office (011-2397 8046"), ["phone:011-2397 8046"])
        XCTAssertEqual(try found("Tel 022-2345 6789."), ["phone:022-2345 6789"])
        XCTAssertEqual(try found("London +44 20 7946 0958"), ["phone:+44 20 7946 0958"])
    }

    func testNumbersThatAreNotPhones() throws {
        XCTAssertEqual(try found("Order ID 9876543210 shipped"), [], "lowered by context")
        XCTAssertEqual(try found("scores 1 2 3 4 5 6 7 8 9 0"), [])
        XCTAssertEqual(try found("a 5876543210 rupee budget of Rs 98,76,54,321"), [])
        XCTAssertEqual(try found("dated 2024-05-12 at 10:30"), [])
        XCTAssertEqual(try found("code A9876543210 or 9876543210kg"), [])
    }

    func testCardsNeedLuhnAndInvalidCheckDigitsDoNotMatch() throws {
        XCTAssertEqual(try found("card 4111 1111 1111 1111 exp"), ["card:4111 1111 1111 1111"])
        XCTAssertEqual(try found("card 4111-1111-1111-1111 exp"), ["card:4111-1111-1111-1111"])
        XCTAssertEqual(try found("card 4111 1111 1111 1112 exp"), [])
    }

    func testAadhaarNeedsVerhoeffAndInvalidCheckDigitsDoNotMatch() throws {
        XCTAssertEqual(try found("Aadhaar 2345 6789 0124."), ["aadhaar:2345 6789 0124"])
        XCTAssertEqual(try found("Aadhaar 2345 6789 0123."), [])
    }

    func testValidatedNumberOutranksAPhoneLookAlike() throws {
        // 12 digits that are both a Verhoeff-valid Aadhaar and shaped like 91 + mobile: Aadhaar wins.
        let digits = (0...9).map { "91987654321\($0)" }.first { PIIValidators.aadhaar(Array($0.utf8).map { $0 - 48 }) }
        let number = try XCTUnwrap(digits)
        XCTAssertEqual(try found("number \(number) here"), ["aadhaar:\(number)"])
    }

    func testPANAndItsHolderTypeCheck() throws {
        XCTAssertEqual(try found("PAN ABCPE1234F."), ["pan:ABCPE1234F"])
        XCTAssertEqual(try found("code ABCDE1234F."), [])
    }

    func testIPAddresses() throws {
        XCTAssertEqual(try found("from 203.0.113.45 and 2001:db8::1."), ["ipv4:203.0.113.45", "ipv6:2001:db8::1"])
        XCTAssertEqual(try found("octets 256.1.1.1 and 3.14 and 10:30:45"), [])
    }

    func testPINCodeOnlyNextToAddressWords() throws {
        XCTAssertEqual(try found("12, MG Road, Bengaluru 560001"), ["pin:560001"])
        XCTAssertEqual(try found("The stadium holds 110001 people"), [])
    }

    func testEmailBeforeAFullStopAndGovernmentOfficialsAddresses() throws {
        XCTAssertEqual(try found("write to naidra.ulric@yahoo.co.in. The form"), ["email:naidra.ulric@yahoo.co.in"])
        XCTAssertEqual(try found("from quillan.kirat@lowerpenni.gov.in, police said"), ["email:quillan.kirat@lowerpenni.gov.in"])
        XCTAssertEqual(try found("write to grievance.cell@lowerpenni.gov.in"), [])
    }

    func testInternationalNumberWithAOneDigitAreaCode() throws {
        XCTAssertEqual(try found("contact +61 8 9960 7697."), ["phone:+61 8 9960 7697"])
    }

    func testContextWordsStopAtTheSentenceEnd() throws {
        XCTAssertEqual(try found("called from 6814149288 several times. Invoice #35350704 was raised"), ["phone:6814149288"])
        XCTAssertEqual(try found("Tel. 022-2345 6789"), ["phone:022-2345 6789"], "an abbreviation's dot is not a sentence end")
    }

    func testSectionNumbersAreNotIPAddresses() throws {
        XCTAssertEqual(try found("Under clause 9.6.8.2 of the agreement"), [])
        XCTAssertEqual(try found("host 10.0.0.1 failed"), ["ipv4:10.0.0.1"])
    }

    func testPINAddressWordsMustBelongToThisNumber() throws {
        XCTAssertEqual(try found("Sector 5, Chandigarh, Pincode 165579 The lottery ticket 213435 won"), ["pin:165579"])
        XCTAssertEqual(try found("12 Station Road, Chennai 606046. The scheme drew 703717 applications"), ["pin:606046"])
        XCTAssertEqual(try found("Plot No. 14, Industrial Area, Tezpur-784001."), ["pin:784001"], "a place name after a comma")
    }

    func testTypesCanBeLimited() throws {
        XCTAssertEqual(try found("a@b.com 9876543210", stage: "stage: pii\n    types: [email]"), ["email:a@b.com"])
    }

    func testUnknownTypeIsAConfigErrorWithItsPosition() {
        let errors = configErrors("stages:\n  - stage: pii\n    types: [email, phones]")
        XCTAssertEqual(errors.count, 1)
        XCTAssertTrue(errors[0].hasPrefix("pipeline.yaml:3:20: error: unknown PII type \"phones\""), errors[0])
    }
}
