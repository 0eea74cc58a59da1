import Foundation

/// A bounded FIFO queue for handing work between threads. `take` returns nil once the queue
/// is closed and empty.
final class BlockingQueue<Element>: @unchecked Sendable {
    private var items: [Element] = []
    private var head = 0
    private var closed = false
    private let capacity: Int
    private let condition = NSCondition()

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Blocks while the queue is full. Returns false if the queue was closed.
    @discardableResult
    func put(_ item: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count - head >= capacity && !closed { condition.wait() }
        guard !closed else { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    func take() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count && !closed { condition.wait() }
        guard head < items.count else { return nil }
        let item = items[head]
        head += 1
        if head > 64 && head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        condition.broadcast()
        return item
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}

/// Results that arrive out of order and are taken in order, by index.
final class ReorderBuffer<Element>: @unchecked Sendable {
    private var pending: [Int: Element] = [:]
    private let condition = NSCondition()

    func put(_ item: Element, at index: Int) {
        condition.lock()
        pending[index] = item
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for the item at `index`; returns nil if `abandon` becomes true first. Any
    /// `put` wakes the waiter so that it can re-check `abandon`.
    func take(_ index: Int, orFinished abandon: () -> Bool) -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let item = pending.removeValue(forKey: index) { return item }
            if abandon() { return nil }
            condition.wait()
        }
    }
}

/// A counting semaphore that bounds how many batches are in flight.
final class Tickets: @unchecked Sendable {
    private var available: Int
    private var cancelled = false
    private let condition = NSCondition()

    init(_ count: Int) {
        available = count
    }

    /// Blocks until a ticket is free; false once cancelled.
    func acquire() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while available == 0 && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        available -= 1
        return true
    }

    func release() {
        condition.lock()
        available += 1
        condition.signal()
        condition.unlock()
    }

    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
