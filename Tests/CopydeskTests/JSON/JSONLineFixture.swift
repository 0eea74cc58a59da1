import Copydesk
import XCTest

/// Helpers shared by the JSON codec tests: parsing lines given as text or raw bytes.
enum JSONLineFixture {
    static func bytes(_ text: String) -> [UInt8] {
        Array(text.utf8)
    }

    static func parse(_ line: [UInt8]) throws(JSONSyntaxError) -> JSONLineObject {
        try JSONLineObject.parse(line)
    }

    static func parse(_ text: String) throws(JSONSyntaxError) -> JSONLineObject {
        try JSONLineObject.parse(bytes(text))
    }

    /// The raw bytes of `range` in `line`, as text.
    static func slice(_ line: String, _ range: Range<Int>) -> String {
        String(decoding: Array(line.utf8)[range], as: UTF8.self)
    }

    /// Decodes the string member `name` of a parsed line.
    static func decodedMember(_ name: String, of line: [UInt8]) throws -> String {
        let object = try JSONLineObject.parse(line)
        let member = try XCTUnwrap(object.member(named: name))
        return line.withUnsafeBufferPointer {
            String(decoding: JSONString.decode(UnsafeBufferPointer(rebasing: $0[member.valueRange])), as: UTF8.self)
        }
    }

    /// The error `JSONLineObject.parse` throws for `line`, failing the test if it accepts the line.
    static func rejection(
        _ line: [UInt8], file: StaticString = #filePath, line testLine: UInt = #line
    ) -> JSONSyntaxError? {
        do {
            let object = try JSONLineObject.parse(line)
            XCTFail("accepted \(line) with \(object.members.count) members", file: file, line: testLine)
            return nil
        } catch {
            return error
        }
    }

    /// Asserts that `line` is rejected at `offset` with a message containing `message`.
    static func assertRejects(
        _ line: [UInt8], at offset: Int, saying message: String,
        file: StaticString = #filePath, line testLine: UInt = #line
    ) {
        guard let error = rejection(line, file: file, line: testLine) else { return }
        XCTAssertEqual(error.byteOffset, offset, "\(error)", file: file, line: testLine)
        XCTAssertTrue(
            error.message.contains(message), "message \"\(error.message)\" lacks \"\(message)\"",
            file: file, line: testLine)
    }

    static func assertRejects(
        _ text: String, at offset: Int, saying message: String,
        file: StaticString = #filePath, line testLine: UInt = #line
    ) {
        assertRejects(bytes(text), at: offset, saying: message, file: file, line: testLine)
    }
}

extension JSONLineFixture {
    /// A small seeded generator (SplitMix64) so random tests are repeatable.
    struct SeededRandom: RandomNumberGenerator {
        private var state: UInt64

        init(seed: UInt64) {
            state = seed
        }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
