/// Check-digit and structure tests for the numbers the `pii` stage reports.
/// Digits are given as values 0…9.
public enum PIIValidators {
    /// The Luhn (mod 10) check used by payment cards.
    public static func luhn(_ digits: [UInt8]) -> Bool {
        guard digits.count >= 2 else { return false }
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            var value = Int(digit)
            if offset & 1 == 1 {
                value *= 2
                if value > 9 { value -= 9 }
            }
            sum += value
        }
        return sum % 10 == 0
    }

    private static let verhoeffMultiply: [[UInt8]] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
        [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
        [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
        [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
    ]
    private static let verhoeffPermute: [[UInt8]] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
        [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
        [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
    ]

    /// The Verhoeff check used by Aadhaar numbers (the last digit is the check digit).
    public static func verhoeff(_ digits: [UInt8]) -> Bool {
        var check: UInt8 = 0
        for (offset, digit) in digits.reversed().enumerated() {
            check = verhoeffMultiply[Int(check)][Int(verhoeffPermute[offset % 8][Int(digit)])]
        }
        return check == 0
    }

    /// An Aadhaar number: 12 digits, the first 2…9, Verhoeff-valid.
    public static func aadhaar(_ digits: [UInt8]) -> Bool {
        digits.count == 12 && digits[0] >= 2 && verhoeff(digits)
    }

    /// A payment card: 12…19 digits, Luhn-valid, with a known network's prefix and length.
    public static func card(_ digits: [UInt8]) -> Bool {
        cardNetwork(digits) != nil && luhn(digits)
    }

    /// The card network whose prefix and length `digits` has, if any.
    public static func cardNetwork(_ digits: [UInt8]) -> String? {
        let n = digits.count
        guard n >= 12 && n <= 19 else { return nil }
        func prefix(_ count: Int) -> Int { digits.prefix(count).reduce(0) { $0 * 10 + Int($1) } }
        let p1 = prefix(1), p2 = prefix(2), p3 = prefix(3), p4 = prefix(4), p6 = prefix(6)
        if p1 == 4 && (n == 13 || n == 16 || n == 19) { return "visa" }
        if ((51...55).contains(p2) || (2221...2720).contains(p4)) && n == 16 { return "mastercard" }
        if (p2 == 34 || p2 == 37) && n == 15 { return "amex" }
        if (p4 == 6011 || p2 == 65 || (644...649).contains(p3) || (622126...622925).contains(p6)) && n >= 16 { return "discover" }
        if (p2 == 60 || p2 == 65 || p2 == 81 || p2 == 82 || p3 == 508 || p3 == 353 || p3 == 356) && n == 16 { return "rupay" }
        if (3528...3589).contains(p4) && n >= 16 { return "jcb" }
        if (p2 == 36 || (300...305).contains(p3) || p2 == 38 || p2 == 39) && n >= 14 && n <= 19 { return "diners" }
        if (p2 == 50 || (56...69).contains(p2)) && n >= 12 { return "maestro" }
        return nil
    }

    /// A PAN: five letters, four digits, a letter; the fourth letter is the holder type
    /// (P person, C company, H HUF, F firm, A association, T trust, B body of individuals,
    /// L local authority, J artificial juridical person, G government).
    public static func pan(_ bytes: some Collection<UInt8>) -> Bool {
        let b = Array(bytes)
        guard b.count == 10 else { return false }
        for k in 0..<10 {
            let isUpper = b[k] >= UInt8(ascii: "A") && b[k] <= UInt8(ascii: "Z")
            let isDigit = b[k] >= UInt8(ascii: "0") && b[k] <= UInt8(ascii: "9")
            if (k < 5 || k == 9) ? !isUpper : !isDigit { return false }
        }
        return "PCHFATBLJG".utf8.contains(b[3])
    }

    /// A dotted-quad IPv4 address: four decimal octets 0…255, no leading zeros.
    public static func ipv4(_ bytes: some Collection<UInt8>) -> Bool {
        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
            if part.count > 1 && part.first == UInt8(ascii: "0") { return false }
            if part.reduce(0, { $0 * 10 + Int($1 - 48) }) > 255 { return false }
        }
        return true
    }

    /// An IPv6 address: eight groups of 1…4 hex digits, or fewer with one `::`; the last two
    /// groups may be a dotted IPv4 address.
    public static func ipv6(_ bytes: some Collection<UInt8>) -> Bool {
        let text = Array(bytes)
        guard text.count >= 2, text.count <= 45 else { return false }
        var compressed = false
        var k = 0
        // Find "::" (at most one).
        var doubleColons = 0
        while k + 1 < text.count {
            if text[k] == UInt8(ascii: ":") && text[k + 1] == UInt8(ascii: ":") { doubleColons += 1; k += 2 } else { k += 1 }
        }
        guard doubleColons <= 1 else { return false }
        for j in 0..<(text.count - 2) where text[j] == UInt8(ascii: ":") && text[j + 1] == UInt8(ascii: ":") && text[j + 2] == UInt8(ascii: ":") {
            return false
        }
        compressed = doubleColons == 1
        var groups = 0
        let pieces = text.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        for (index, piece) in pieces.enumerated() {
            if piece.isEmpty { continue }
            if index == pieces.count - 1, piece.contains(UInt8(ascii: ".")) {
                guard ipv4(piece) else { return false }
                groups += 2
                continue
            }
            guard piece.count <= 4, piece.allSatisfy(isHex) else { return false }
            groups += 1
        }
        // Empty pieces are allowed only as part of "::".
        if !compressed && pieces.contains(where: \.isEmpty) { return false }
        if compressed {
            if text.first == UInt8(ascii: ":") && text.count > 1 && text[1] != UInt8(ascii: ":") { return false }
            if text.last == UInt8(ascii: ":") && text.count > 1 && text[text.count - 2] != UInt8(ascii: ":") { return false }
            return groups >= 1 && groups <= 7
        }
        return groups == 8
    }

    static func isHex(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "f"))
    }
}
