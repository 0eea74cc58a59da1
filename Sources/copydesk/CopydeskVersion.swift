/// The version printed by `copydesk --version`.
enum CopydeskVersion {
    static let current = "0.1.0"
}
