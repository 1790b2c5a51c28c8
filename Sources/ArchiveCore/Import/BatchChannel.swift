import Foundation

/// A bounded queue between the thread that reads and parses a dump and the thread that
/// writes to SQLite: two cores, each busy with its half. `send` blocks while the queue is
/// full, so a fast reader never holds more than `capacity` batches in memory.
///
/// `@unchecked Sendable`: every stored property is read and written only while
/// `condition` is locked (see each method), which is what makes crossing threads safe.
final class BatchChannel<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Element] = []
    private var isClosed = false
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Waits for room, then enqueues. False when the other side closed the channel:
    /// the sender should stop.
    @discardableResult
    func send(_ element: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= capacity && !isClosed { condition.wait() }
        guard !isClosed else { return false }
        items.append(element)
        condition.broadcast()
        return true
    }

    /// The next element, waiting for one; nil once the channel is closed and drained.
    func receive() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !isClosed { condition.wait() }
        guard !items.isEmpty else { return nil }
        let element = items.removeFirst()
        condition.broadcast()
        return element
    }

    /// The next element if one is waiting, without waiting.
    func tryReceive() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        guard !items.isEmpty else { return nil }
        let element = items.removeFirst()
        condition.broadcast()
        return element
    }

    /// No more sends; waiting senders and receivers wake up.
    func close() {
        condition.lock()
        isClosed = true
        condition.broadcast()
        condition.unlock()
    }
}
