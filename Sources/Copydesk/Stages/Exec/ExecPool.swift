import CopydeskPluginAPI
import Foundation

/// The children of one exec stage, shared by every pipeline worker.
///
/// Workers hand it requests; it keeps up to `inFlight` of them on each child, matches answers
/// by id and hands them back in the workers' order. When a child crashes, writes garbage or
/// stops answering for `timeout`, it is killed and restarted. A document the child failed on
/// alone is handed back as failed; the others in flight are sent again, those that were in
/// flight during a crash one at a time, so that a document that crashes the plugin is found
/// without failing its neighbours. After `maxRestarts` restarts the pool gives up and every
/// waiting request comes back fatal: the run stops.
final class ExecPool: @unchecked Sendable {
    // Everything mutable is guarded by `condition`.
    private let settings: ExecSettings
    private let stageID: String
    private let hello: [UInt8]
    private let condition = NSCondition()
    private var slots: [Slot]
    private var nextID = 0
    private var restarts = 0
    private var events = ExecEvents()
    private var lastFailure = ""
    private var lastTail: [String] = []
    private var fatal: String?
    private var closed = false

    /// One child's place in the pool. A restart puts a new child in the same slot.
    private struct Slot {
        var child: ExecChild?
        /// Bumped when the child is replaced, so that news from the old one is ignored.
        var generation = 0
        /// Requests sent and not answered, oldest first.
        var inFlight: [ExecRequest] = []
        /// When the child last answered, or was first given work after being idle.
        var lastProgress: UInt64 = 0

        var holdsSuspect: Bool { inFlight.contains { $0.suspect } }
    }

    /// Failures seen so far.
    struct ExecEvents: Sendable, Equatable {
        var crashes = 0
        var timeouts = 0
        var garbage = 0
        var failedStarts = 0

        var isEmpty: Bool { self == ExecEvents() }

        var description: String {
            "\(crashes) crash\(crashes == 1 ? "" : "es"), \(timeouts) timeout\(timeouts == 1 ? "" : "s"), "
                + "\(garbage) garbage answer\(garbage == 1 ? "" : "s"), \(failedStarts) failed restart\(failedStarts == 1 ? "" : "s")"
        }
    }

    private enum FailureKind {
        case crash, timeout, garbage
    }

    private init(settings: ExecSettings, stageID: String) {
        self.settings = settings
        self.stageID = stageID
        self.slots = Array(repeating: Slot(), count: max(1, settings.workers))
        var hello: [UInt8] = Array(#"{"copydesk_plugin":"#.utf8) + Array(String(PluginProtocol.version).utf8)
        hello += Array(#","stage":"#.utf8)
        JSONString.encode(stageID, into: &hello)
        hello += Array(#","config":"#.utf8) + settings.config + Array("}\n".utf8)
        self.hello = hello
    }

    /// Starts every child and checks its handshake. Returns the pool and the first handshake.
    static func start(_ settings: ExecSettings, stageID: String) throws(ExecStartError) -> (ExecPool, PluginHandshake) {
        let pool = ExecPool(settings: settings, stageID: stageID)
        var handshake: PluginHandshake?
        for index in pool.slots.indices {
            do {
                let child = try pool.launch(slot: index, generation: 0)
                handshake = handshake ?? child.handshake
                pool.condition.lock()
                pool.slots[index].child = child
                pool.condition.unlock()
            } catch {
                pool.shutdown()
                throw error
            }
        }
        // There is at least one slot, so at least one handshake.
        return (pool, handshake ?? PluginHandshake(name: "unknown", version: "unknown", capabilities: []))
    }

    deinit {
        shutdown()
    }

    /// Reserves `count` request ids.
    func reserveIDs(_ count: Int) -> Int {
        condition.lock()
        defer { condition.unlock() }
        let first = nextID
        nextID += count
        return first
    }

    /// Sends every request and waits for all of them; the results are in the order given.
    func run(_ requests: [ExecRequest]) -> [ExecRequest.State] {
        condition.lock()
        while true {
            if let reason = fatal ?? (closed ? "the plugin stage was already shut down" : nil) {
                for request in requests where !request.isDone { request.state = .fatal(reason) }
                break
            }
            send(requests)
            if requests.allSatisfy(\.isDone) { break }
            if let deadline = nearestDeadline() {
                let seconds = Double(Int64(bitPattern: deadline &- MonotonicClock.now())) / 1e9
                _ = condition.wait(until: Date(timeIntervalSinceNow: max(0.001, seconds)))
            } else {
                condition.wait()
            }
            if let (index, generation) = failTimedOutChild() {
                condition.unlock()
                restart(slot: index, generation: generation)
                condition.lock()
            }
        }
        // Read under the lock: reader threads write states under it.
        let states = requests.map(\.state)
        condition.unlock()
        return states
    }

    /// Closes every child's stdin, waits `shutdownGrace` for it to exit, then kills it.
    func shutdown() {
        condition.lock()
        if closed {
            condition.unlock()
            return
        }
        closed = true
        forgetInFlight()
        let children = slots.compactMap(\.child)
        let summary = events.isEmpty ? nil : "[\(stageID)] plugin events: \(events.description); \(restarts) restart\(restarts == 1 ? "" : "s")\n"
        condition.broadcast()
        condition.unlock()
        for child in children { child.closeInput() }
        for child in children where !child.waitForExit(upTo: settings.shutdownGrace) {
            child.process.kill()
            _ = child.waitForExit(upTo: 5)
        }
        if let summary { _ = ExecChild.writeAll(2, Array(summary.utf8)) }
    }

    /// Failures so far, for reports and tests.
    var eventCounts: ExecEvents {
        condition.lock()
        defer { condition.unlock() }
        return events
    }

    /// Requests held by children now, for tests.
    var inFlightCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return slots.reduce(0) { $0 + $1.inFlight.count }
    }

    // MARK: - Scheduling (lock held)

    /// Sends the queued requests that a child can take now. While a suspect is queued only
    /// suspects are sent, each alone on a child.
    private func send(_ requests: [ExecRequest]) {
        let suspectsOnly = requests.contains { $0.suspect && $0.isQueued }
        var lines = Array(repeating: [[UInt8]](), count: slots.count)
        defer {
            // Each child's lines go to its writer at once: one wake-up and one write for all of them.
            for index in slots.indices where !lines[index].isEmpty { slots[index].child?.send(lines[index]) }
        }
        for request in requests where request.isQueued && (!suspectsOnly || request.suspect) {
            guard let index = pickSlot(alone: request.suspect) else { return }
            if slots[index].inFlight.isEmpty { slots[index].lastProgress = MonotonicClock.now() }
            slots[index].inFlight.append(request)
            request.state = .sent(slot: index, generation: slots[index].generation)
            lines[index].append(request.line)
        }
    }

    /// The least busy child with room, or an idle one for a request that must go alone.
    private func pickSlot(alone: Bool) -> Int? {
        var best: Int?
        for index in slots.indices where slots[index].child != nil && !slots[index].holdsSuspect {
            let load = slots[index].inFlight.count
            guard alone ? load == 0 : load < settings.inFlight else { continue }
            if best.map({ load < slots[$0].inFlight.count }) ?? true { best = index }
        }
        return best
    }

    private func nearestDeadline() -> UInt64? {
        let timeout = UInt64(settings.timeout * 1e9)
        return slots.filter { $0.child != nil && !$0.inFlight.isEmpty }.map { $0.lastProgress &+ timeout }.min()
    }

    /// Kills a child that has held documents without answering for `timeout`; returns the
    /// slot to restart.
    private func failTimedOutChild() -> (Int, Int)? {
        let now = MonotonicClock.now()
        let timeout = UInt64(settings.timeout * 1e9)
        for index in slots.indices where slots[index].child != nil && !slots[index].inFlight.isEmpty {
            if now &- slots[index].lastProgress >= timeout {
                return fail(slot: index, "did not answer within \(formatSeconds(settings.timeout)) (timeout)", kind: .timeout).map { (index, $0) }
            }
        }
        return nil
    }

    /// Kills the child in `slot` and settles what it held. Returns the generation to start
    /// next, or nil when the pool gives up.
    private func fail(slot index: Int, _ reason: String, kind: FailureKind) -> Int? {
        guard let child = slots[index].child else { return nil }
        child.process.kill()
        // Lets its writer thread finish and close the child's stdin.
        child.closeInput()
        switch kind {
        case .crash: events.crashes += 1
        case .timeout: events.timeouts += 1
        case .garbage: events.garbage += 1
        }
        restarts += 1
        let held = slots[index].inFlight
        // Alone in flight (or the oldest, for a timeout): the document is the cause.
        let blamed = (kind == .timeout || held.count == 1) ? held.first : nil
        for request in held {
            if request === blamed {
                request.state = .failed("the plugin \(reason) on this document")
            } else {
                request.state = .queued
                if kind != .timeout { request.suspect = true }
            }
        }
        lastFailure = "the plugin \(reason)" + (blamed.map { " on input line \($0.inputLine)" } ?? "")
        lastTail = child.tail
        slots[index].inFlight = []
        slots[index].child = nil
        slots[index].generation += 1
        condition.broadcast()
        if restarts > settings.maxRestarts {
            giveUp()
            return nil
        }
        log("\(lastFailure); restarting it (\(restarts) of at most \(settings.maxRestarts) restarts)")
        return slots[index].generation
    }

    private func giveUp() {
        var message = "plugin \(settings.command[0]) failed \(restarts) times (max_restarts: \(settings.maxRestarts)); the run stops. Last failure: \(lastFailure)"
        if !lastTail.isEmpty {
            message += "\nits stderr ended with:\n" + lastTail.map { "    " + $0 }.joined(separator: "\n")
        }
        fatal = message
        forgetInFlight()
        condition.broadcast()
    }

    /// Takes every request off the children: their workers mark them fatal, and no reader
    /// thread may change them after that.
    private func forgetInFlight() {
        for index in slots.indices { slots[index].inFlight = [] }
    }

    /// News from the child in `slot` still counts: the pool runs, and the child is the current one.
    private func isCurrent(slot index: Int, generation: Int) -> Bool {
        !closed && fatal == nil && slots[index].generation == generation && slots[index].child != nil
    }

    private func log(_ message: String) {
        _ = ExecChild.writeAll(2, Array("[\(stageID)] \(message)\n".utf8))
    }

    // MARK: - Children (lock not held)

    private func launch(slot index: Int, generation: Int) throws(ExecStartError) -> ExecChild {
        try ExecChild.launch(
            settings.command, environment: settings.environment, directory: settings.directory, hello: hello, stageID: stageID,
            timeout: max(settings.timeout, 5), maxLineBytes: settings.maxLineBytes,
            onLines: { [weak self] lines in self?.received(lines, slot: index, generation: generation) },
            onOverlong: { [weak self] in self?.overlong(slot: index, generation: generation) },
            onExit: { [weak self] status in self?.exited(status, slot: index, generation: generation) })
    }

    /// Starts a new child in `slot`, retrying (each try counts as a restart) until it works or
    /// the pool gives up.
    private func restart(slot index: Int, generation: Int) {
        while true {
            do {
                let child = try launch(slot: index, generation: generation)
                condition.lock()
                defer { condition.unlock() }
                guard !closed, fatal == nil, slots[index].generation == generation, slots[index].child == nil else {
                    child.closeInput()
                    child.process.kill()
                    return
                }
                slots[index].child = child
                condition.broadcast()
                return
            } catch {
                condition.lock()
                events.failedStarts += 1
                restarts += 1
                lastFailure = "could not restart the plugin: \(error)"
                if closed || restarts > settings.maxRestarts {
                    if !closed { giveUp() }
                    condition.unlock()
                    return
                }
                condition.unlock()
                log("\(lastFailure); trying again")
                usleep(100_000)
            }
        }
    }

    /// Answer lines from the child in `slot`, parsed before the lock is taken.
    private func received(_ lines: [[UInt8]], slot index: Int, generation: Int) {
        let answers = lines.map(PluginResponse.parsed)
        condition.lock()
        var next: Int?
        for parsed in answers {
            guard isCurrent(slot: index, generation: generation) else { break }
            switch parsed {
            case .failure(let error):
                next = fail(slot: index, "wrote garbage (\(error))", kind: .garbage)
            case .success(let answer):
                if let position = slots[index].inFlight.firstIndex(where: { $0.id == answer.id }) {
                    let request = slots[index].inFlight.remove(at: position)
                    request.state = .answered(answer.outcome)
                    slots[index].lastProgress = MonotonicClock.now()
                } else {
                    next = fail(slot: index, "answered id \(answer.id), which it does not hold (garbage)", kind: .garbage)
                }
            }
        }
        condition.broadcast()
        condition.unlock()
        if let next { restart(slot: index, generation: next) }
    }

    /// The child in `slot` wrote more than `maxLineBytes` without a newline; its reader stopped.
    private func overlong(slot index: Int, generation: Int) {
        condition.lock()
        guard isCurrent(slot: index, generation: generation) else {
            condition.unlock()
            return
        }
        let next = fail(slot: index, "wrote a line longer than \(settings.maxLineBytes) bytes (garbage)", kind: .garbage)
        condition.unlock()
        if let next { restart(slot: index, generation: next) }
    }

    /// The child in `slot` closed its stdout and was reaped.
    private func exited(_ status: ChildProcess.ExitStatus, slot index: Int, generation: Int) {
        condition.lock()
        guard isCurrent(slot: index, generation: generation) else {
            condition.unlock()
            return
        }
        let next = fail(slot: index, "\(status)", kind: .crash)
        condition.unlock()
        if let next { restart(slot: index, generation: next) }
    }
}

extension ExecRequest {
    var isQueued: Bool {
        if case .queued = state { return true }
        return false
    }
}
