#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CSpawn

/// A child process with pipes on its stdin, stdout and stderr, started with `posix_spawnp`.
///
/// The parent's ends of the pipes are close-on-exec, and (on Linux) the child gets no other
/// descriptor of ours, so one plugin child never holds another's pipes open. The child leads a
/// process group of its own, so that `kill()` also ends what it started (a wrapper such as
/// `sh -c "python3 plugin.py"` and the plugin under it).
/// The descriptors belong to the `ExecChild` that uses them, which closes each exactly once.
struct ChildProcess: Sendable {
    let pid: pid_t
    /// Our ends: we write to `input` and read from `output` and `errors`.
    let input: Int32
    let output: Int32
    let errors: Int32

    /// Starts `arguments` (the first is looked up on PATH unless it contains a slash) with
    /// `environment` added to ours, in `directory` (nil: ours). Throws a message on failure
    /// (such as "No such file or directory").
    static func spawn(_ arguments: [String], environment: [String: String], directory: String?) throws(ExecStartError) -> ChildProcess {
        guard let program = arguments.first else { throw ExecStartError("empty command") }
        var stdinPipe: [Int32] = [-1, -1], stdoutPipe: [Int32] = [-1, -1], stderrPipe: [Int32] = [-1, -1]
        guard makePipe(&stdinPipe), makePipe(&stdoutPipe), makePipe(&stderrPipe) else {
            let message = String(cString: strerror(errno))
            for fd in stdinPipe + stdoutPipe + stderrPipe where fd >= 0 { close(fd) }
            throw ExecStartError("cannot create pipes: \(message)")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, stdoutPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, stderrPipe[1], 2)
        _ = copydesk_spawn_close_from(&actions, 3)
        if let directory, !directory.isEmpty {
            let status = copydesk_spawn_chdir(&actions, directory)
            if status != 0 && status != ENOSYS {
                for fd in stdinPipe + stdoutPipe + stderrPipe { close(fd) }
                throw ExecStartError("cannot change to \(directory): \(String(cString: strerror(status)))")
            }
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        var merged: [String: String] = [:]
        for (key, value) in environ() where merged[key] == nil { merged[key] = value }
        for (key, value) in environment { merged[key] = value }
        let environmentStrings = merged.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let status = withCStrings(arguments) { argv in
            withCStrings(environmentStrings) { envp in
                posix_spawnp(&pid, program, &actions, &attributes, argv, envp)
            }
        }
        close(stdinPipe[0])
        close(stdoutPipe[1])
        close(stderrPipe[1])
        guard status == 0 else {
            close(stdinPipe[1])
            close(stdoutPipe[0])
            close(stderrPipe[0])
            throw ExecStartError("cannot start \(program): \(String(cString: strerror(status)))")
        }
        return ChildProcess(pid: pid, input: stdinPipe[1], output: stdoutPipe[0], errors: stderrPipe[0])
    }

    /// Sends SIGKILL to the child's process group: the child and everything it started that
    /// did not leave the group.
    func kill() {
        if systemKill(-pid, SIGKILL) != 0 { _ = systemKill(pid, SIGKILL) }
    }

    /// Waits for the child to exit, up to `seconds`; nil if it is still running.
    func wait(upTo seconds: Double) -> ExitStatus? {
        let deadline = MonotonicClock.now() &+ UInt64(max(0, seconds) * 1e9)
        while true {
            if let status = reap(blocking: false) { return status }
            if MonotonicClock.now() >= deadline { return nil }
            usleep(5_000)
        }
    }

    /// Waits for the child to exit.
    func wait() -> ExitStatus {
        reap(blocking: true) ?? ExitStatus(code: nil, signal: nil)
    }

    private func reap(blocking: Bool) -> ExitStatus? {
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, blocking ? 0 : WNOHANG)
            if result == pid { return ExitStatus(raw: status) }
            if result == 0 { return nil }
            if errno == EINTR { continue }
            // ECHILD: already reaped.
            return ExitStatus(code: nil, signal: nil)
        }
    }

    /// How a child ended.
    struct ExitStatus: Sendable, CustomStringConvertible {
        var code: Int32?
        var signal: Int32?

        init(code: Int32?, signal: Int32?) {
            self.code = code
            self.signal = signal
        }

        init(raw status: Int32) {
            if status & 0x7f == 0 {
                self.init(code: (status >> 8) & 0xff, signal: nil)
            } else {
                self.init(code: nil, signal: status & 0x7f)
            }
        }

        var description: String {
            if let code { return "exited with status \(code)" }
            if let signal { return "was killed by signal \(signal)" }
            return "exited"
        }
    }

    private static func makePipe(_ fds: inout [Int32]) -> Bool {
        copydesk_pipe_cloexec(&fds) == 0
    }

    /// Our environment, as key-value pairs.
    private static func environ() -> [(String, String)] {
        var pairs: [(String, String)] = []
        var cursor = systemEnviron()
        while let entry = cursor?.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                pairs.append((String(text[..<equals]), String(text[text.index(after: equals)...])))
            }
            cursor = cursor?.successor()
        }
        return pairs
    }
}

/// NULL-terminated C string arrays for exec, alive for the duration of `body`.
private func withCStrings<Result>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> Result) -> Result {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    pointers.append(nil)
    defer { for pointer in pointers { free(pointer) } }
    return body(pointers)
}

private func systemKill(_ pid: pid_t, _ signal: Int32) -> Int32 {
    kill(pid, signal)
}

private func systemEnviron() -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    environ
}

/// A plugin child that could not be started.
struct ExecStartError: Error, CustomStringConvertible, Sendable {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
