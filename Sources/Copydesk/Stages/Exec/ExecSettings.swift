/// How an exec stage runs its plugin: the settings of its YAML mapping.
public struct ExecSettings: Sendable {
    /// The command and its arguments; the first is looked up on PATH unless it has a slash.
    public var command: [String]
    /// The children's working directory (the config file's folder); nil: ours.
    public var directory: String?
    /// Extra environment variables for the children.
    public var environment: [String: String] = [:]
    /// Child processes.
    public var workers = 1
    /// Requests sent to a child before its first answer: how many documents it holds at once.
    public var inFlight = 64
    /// Seconds a child may go without answering while it holds documents (and to handshake).
    public var timeout = 30.0
    /// Restarts allowed in a run; one more failure stops the run.
    public var maxRestarts = 5
    public var onError = PluginErrorPolicy.pass
    /// Fields to send; nil sends every string field.
    public var fields: [String]?
    /// The stage's `config:` mapping as a JSON object, sent in the hello.
    public var config: [UInt8] = Array("{}".utf8)
    /// The longest answer line a child may write; a longer one counts as garbage.
    public var maxLineBytes = 64 << 20
    /// Seconds a child gets to exit after its stdin is closed, before it is killed.
    public var shutdownGrace = 2.0

    public init(command: [String]) {
        self.command = command
    }
}
