/// The kinds of personal data the `pii` stage detects.
public enum PIIType: String, Sendable, CaseIterable {
    case email, phone, card, aadhaar, pan, ipv4, ipv6, pin

    /// A bit of its own, for sets of types kept in an integer.
    var bit: UInt16 {
        switch self {
        case .email: 1
        case .phone: 2
        case .card: 4
        case .aadhaar: 8
        case .pan: 16
        case .ipv4: 32
        case .ipv6: 64
        case .pin: 128
        }
    }
}
