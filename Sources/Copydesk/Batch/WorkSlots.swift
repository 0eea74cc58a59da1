import Foundation

/// A counting semaphore that bounds how many batches several runners process at once.
/// `copydesk run --jobs N` over many files runs files side by side, each with N worker threads,
/// and all of them share N slots: the CPU work stays bounded by N, and when only one file is
/// left its workers get every slot.
public final class WorkSlots: @unchecked Sendable {
    private var available: Int
    private let condition = NSCondition()

    public init(_ count: Int) {
        available = max(1, count)
    }

    /// Blocks until a slot is free, and takes it.
    public func acquire() {
        condition.lock()
        while available == 0 { condition.wait() }
        available -= 1
        condition.unlock()
    }

    public func release() {
        condition.lock()
        available += 1
        condition.signal()
        condition.unlock()
    }
}
