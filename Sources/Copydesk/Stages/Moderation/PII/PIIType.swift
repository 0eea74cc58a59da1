/// The kinds of personal data the `pii` stage detects.
public enum PIIType: String, Sendable, CaseIterable {
    case email, phone, card, aadhaar, pan, ipv4, ipv6, pin
}
