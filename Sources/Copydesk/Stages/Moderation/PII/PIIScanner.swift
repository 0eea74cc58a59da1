/// Finds PII candidates in one pass over the bytes of a text, with no regular expressions.
///
/// At `@` it reads an email address around it; at a digit, `+` or `(` that starts a word it
/// reads a number with its separators (space, hyphen, dot, brackets) and classifies it by its
/// digit count, grouping and check digits (IPv4, card, Aadhaar, phone, PIN); at an uppercase
/// letter it tries a PAN; at a hex digit or `:` it tries an IPv6 address.
struct PIIScanner {
    /// One bit per `PIIType`, by its position in `allCases` (a set lookup per byte would cost more than the scan).
    private let enabled: UInt16

    init(types: Set<PIIType>) {
        enabled = types.reduce(0) { $0 | $1.bit }
    }

    @inline(__always)
    private func wants(_ type: PIIType) -> Bool {
        enabled & type.bit != 0
    }

    func candidates(in text: UnsafeBufferPointer<UInt8>) -> [PIICandidate] {
        var found: [PIICandidate] = []
        let n = text.count
        var i = 0
        var numbersFrom = 0  // numbers already read up to here
        var hexFrom = 0
        while i < n {
            let byte = text[i]
            if byte == UInt8(ascii: "@") {
                if wants(.email), let range = email(around: i, text) {
                    found.append(PIICandidate(type: .email, range: range, confidence: 0.95, validated: true))
                }
            } else if i >= numbersFrom, Self.isDigit(byte) || ((byte == UInt8(ascii: "+") || byte == UInt8(ascii: "(")) && i + 1 < n && Self.isDigit(text[i + 1])),
                      i == 0 || !Self.isWordByte(text[i - 1]) {
                let end = number(at: i, text, into: &found)
                numbersFrom = max(end, i + 1)
            }
            if Self.isUpper(byte), i + 10 <= n, i == 0 || !Self.isWordByte(text[i - 1]), wants(.pan),
               i + 10 == n || !Self.isWordByte(text[i + 10]), PIIValidators.pan(UnsafeBufferPointer(rebasing: text[i..<i + 10])) {
                found.append(PIICandidate(type: .pan, range: i..<i + 10, confidence: 0.8, validated: true))
            }
            if wants(.ipv6), i >= hexFrom, PIIValidators.isHex(byte) || byte == UInt8(ascii: ":"),
               i == 0 || !(Self.isWordByte(text[i - 1]) || text[i - 1] == UInt8(ascii: ":")) {
                var end = i
                var colons = 0
                while end < n, end - i <= 45, PIIValidators.isHex(text[end]) || text[end] == UInt8(ascii: ":") || text[end] == UInt8(ascii: ".") {
                    if text[end] == UInt8(ascii: ":") { colons += 1 }
                    end += 1
                }
                hexFrom = end
                // A trailing dot or colon is punctuation.
                while end > i, text[end - 1] == UInt8(ascii: ".") || (text[end - 1] == UInt8(ascii: ":") && !(end - i >= 2 && text[end - 2] == UInt8(ascii: ":"))) { end -= 1 }
                if colons >= 2, end == n || !Self.isWordByte(text[end]), PIIValidators.ipv6(UnsafeBufferPointer(rebasing: text[i..<end])) {
                    found.append(PIICandidate(type: .ipv6, range: i..<end, confidence: 0.9, validated: true))
                }
            }
            i += 1
        }
        return found
    }

    // MARK: Email

    private func email(around at: Int, _ text: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var start = at
        while start > 0 {
            if Self.isLocalPart(text[start - 1]) {
                start -= 1
            } else if let previous = Self.letterBefore(start, text) {
                start = previous  // an internationalised local part: "jöhn.doe@…"
            } else {
                break
            }
        }
        while start < at, text[start] == UInt8(ascii: ".") { start += 1 }
        guard start < at else { return nil }
        var end = at + 1
        var lastDot = -1
        while end < text.count, Self.isAlnum(text[end]) || text[end] == UInt8(ascii: "-") || text[end] == UInt8(ascii: ".") {
            if text[end] == UInt8(ascii: ".") {
                if end == at + 1 || text[end - 1] == UInt8(ascii: ".") { break }
                lastDot = end
            }
            end += 1
        }
        while end > at + 1, text[end - 1] == UInt8(ascii: ".") || text[end - 1] == UInt8(ascii: "-") { end -= 1 }
        // The last dot of the domain, now that a sentence's full stop is trimmed off.
        lastDot = -1
        for k in stride(from: end - 1, to: at, by: -1) where text[k] == UInt8(ascii: ".") {
            lastDot = k
            break
        }
        // Text glued after the address ("...@paper.comThe next"): cut where capitals start in the last label.
        if lastDot > at {
            for k in (lastDot + 2)..<max(lastDot + 2, end) where Self.isUpper(text[k]) && !Self.isUpper(text[k - 1]) {
                end = k
                break
            }
        }
        guard lastDot > at + 1, lastDot < end - 2 else { return nil }
        for k in (lastDot + 1)..<end where !Self.isLetter(text[k]) { return nil }
        return start..<end
    }

    // MARK: Numbers

    /// Reads the number starting at `start`, appends what it is, and returns where it ends.
    private func number(at start: Int, _ text: UnsafeBufferPointer<UInt8>, into found: inout [PIICandidate]) -> Int {
        let n = text.count
        var i = start
        let plus = text[i] == UInt8(ascii: "+")
        if plus { i += 1 }
        var digits: [UInt8] = []
        var groups: [Int] = []
        var dots = 0
        var others = 0
        var end = i
        var groupLength = 0
        while i < n {
            let byte = text[i]
            if Self.isDigit(byte) {
                digits.append(byte - 48)
                groupLength += 1
                i += 1
                end = i
                if digits.count > 19 { return Self.skipRun(from: i, text) }
                continue
            }
            // Up to two separator bytes, then a digit.
            var j = i
            var sawDot = false
            while j < n, j - i < 2, Self.isSeparator(text[j]) {
                if text[j] == UInt8(ascii: ".") { sawDot = true }
                j += 1
            }
            guard j > i, j < n, Self.isDigit(text[j]) else { break }
            if groupLength > 0 { groups.append(groupLength) }
            groupLength = 0
            if sawDot { dots += 1 } else { others += 1 }
            i = j
        }
        if groupLength > 0 { groups.append(groupLength) }
        guard !digits.isEmpty else { return end }
        // A number glued to letters ("A123", "12kg") or to more digits via a comma is not PII.
        if end < n, Self.isWordByte(text[end]) { return end }
        if end + 1 < n, text[end] == UInt8(ascii: ","), Self.isDigit(text[end + 1]) { return end }
        if start > 0, text[start - 1] == UInt8(ascii: ".") || text[start - 1] == UInt8(ascii: ",") { return end }
        var first = start
        if text[first] == UInt8(ascii: "(") { first += 1 }
        // "(011) 2345 6789" keeps its bracket; "(011-2397 8046" without a closing one does not.
        let range = (first > start && !text[first..<end].contains(UInt8(ascii: ")")) ? first : start)..<end
        if dots > 0 {
            if others == 0, !plus, groups.count == 4, wants(.ipv4),
               PIIValidators.ipv4(UnsafeBufferPointer(rebasing: text[first..<end])),
               !(end + 1 < n && text[end] == UInt8(ascii: ".") && Self.isDigit(text[end + 1])) {
                // Four one-digit parts are more often a clause or section number ("clause 9.6.8.2").
                let confidence = groups.allSatisfy { $0 == 1 } ? 0.45 : 0.75
                found.append(PIICandidate(type: .ipv4, range: first..<end, confidence: confidence, validated: true))
            }
            return end
        }
        classify(digits: digits, groups: groups, plus: plus, range: range, into: &found)
        return end
    }

    private func classify(digits: [UInt8], groups: [Int], plus: Bool, range: Range<Int>, into found: inout [PIICandidate]) {
        let count = digits.count
        let grouped = groups.count > 1
        if !plus, wants(.card), count >= 13, PIIValidators.card(digits),
           !grouped || groups.allSatisfy({ $0 >= 4 && $0 <= 6 }) || (groups.count == 2 && groups[0] == 4) {
            found.append(PIICandidate(type: .card, range: range, confidence: 0.9, validated: true))
            return
        }
        if !plus, wants(.aadhaar), count == 12, !grouped || groups == [4, 4, 4], PIIValidators.aadhaar(digits) {
            found.append(PIICandidate(type: .aadhaar, range: range, confidence: grouped ? 0.9 : 0.8, validated: true))
        }
        if wants(.phone), let confidence = phoneConfidence(digits, groups: groups, plus: plus) {
            found.append(PIICandidate(type: .phone, range: range, confidence: confidence, validated: false))
        }
        if !plus, wants(.pin), count == 6, digits[0] != 0, groups == [6] || groups == [3, 3] {
            // Kept only next to address words (see PIIStage).
            found.append(PIICandidate(type: .pin, range: range, confidence: 0.0, validated: false))
        }
    }

    /// How much a digit string with this grouping looks like a phone number; nil if not at all.
    private func phoneConfidence(_ d: [UInt8], groups: [Int], plus: Bool) -> Double? {
        let count = d.count
        // Groups of one digit are lists, not phone numbers; but a country code, and after it an
        // area code ("+61 8 9960 7697"), may be one digit.
        if groups.dropFirst(plus ? 2 : 1).contains(where: { $0 < 2 }) { return nil }
        let grouped = groups.count > 1
        if plus {
            guard count >= 8 && count <= 15 else { return nil }
            if d[0] == 9 && d[1] == 1 {
                guard count == 12 else { return nil }
                return d[2] >= 6 ? 0.95 : 0.85
            }
            if grouped && groups[0] > 3 { return nil }
            return 0.8
        }
        switch count {
        case 10:
            guard d[0] >= 6 else { return nil }
            return grouped ? 0.75 : 0.6
        case 11:
            if d[0] == 0 {
                if d[1] >= 6 && d[1] <= 9 { return grouped ? 0.8 : 0.65 }
                guard d[1] != 0 else { return nil }
                // Landline: 0 + STD code (2…4 digits) + subscriber number.
                return grouped && groups[0] >= 3 && groups[0] <= 5 ? 0.75 : 0.55
            }
            if d[0] == 1 && d[1] == 8 && d[2] == 0 && (d[3] == 0 || d[3] == 8) { return 0.7 }  // 1800 / 1808 toll-free
            return nil
        case 12:
            guard d[0] == 9 && d[1] == 1 && d[2] >= 6 else { return nil }
            return grouped && groups[0] == 2 ? 0.75 : 0.55
        default:
            return nil
        }
    }

    private static func skipRun(from start: Int, _ text: UnsafeBufferPointer<UInt8>) -> Int {
        var i = start
        while i < text.count, isDigit(text[i]) || isSeparator(text[i]) { i += 1 }
        return i
    }

    // MARK: Bytes

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b >= 65 && b <= 90 }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 97 && (b | 0x20) <= 122 }
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isDigit(b) || isLetter(b) }
    /// Letters, digits, `_` and any non-ASCII byte (letters of other scripts).
    @inline(__always) static func isWordByte(_ b: UInt8) -> Bool { isAlnum(b) || b == UInt8(ascii: "_") || b >= 0x80 }
    @inline(__always) static func isSeparator(_ b: UInt8) -> Bool {
        b == UInt8(ascii: " ") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: "(") || b == UInt8(ascii: ")")
    }
    /// Where the non-ASCII letter or digit ending just before `end` starts, if there is one.
    static func letterBefore(_ end: Int, _ text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard text[end - 1] >= 0x80 else { return nil }
        var lead = end - 1
        while lead > 0, end - lead < 4, text[lead] & 0xC0 == 0x80 { lead -= 1 }
        let (scalar, length) = UTF8Decoder.decode(text, lead)
        guard lead + length == end, let unicode = Unicode.Scalar(scalar),
              unicode.properties.isAlphabetic || unicode.properties.numericType != nil || unicode.properties.generalCategory == .nonspacingMark
        else { return nil }
        return lead
    }

    @inline(__always) static func isLocalPart(_ b: UInt8) -> Bool {
        isAlnum(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "%") || b == UInt8(ascii: "+") || b == UInt8(ascii: "-")
    }
}
