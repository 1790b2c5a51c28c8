/// Elements in increasing order, ordered only as far as they are taken: a binary heap
/// built in linear time, each `next()` one removal in logarithmic time. A search's
/// ranking window holds up to 10,000 matches of which a page reads a few dozen, and
/// sorting them all was a millisecond of every common word's search.
struct LazyOrder<Element> {
    private var heap: [Element]
    private let isOrderedBefore: (Element, Element) -> Bool

    /// `isOrderedBefore` must be a strict total order for the result to be one order
    /// (ties broken inside it), as `sort(by:)` would give.
    init(_ elements: [Element], by isOrderedBefore: @escaping (Element, Element) -> Bool) {
        heap = elements
        self.isOrderedBefore = isOrderedBefore
        var parent = heap.count / 2 - 1
        while parent >= 0 {
            siftDown(from: parent)
            parent -= 1
        }
    }

    /// The least element not taken yet, or nil when all are.
    mutating func next() -> Element? {
        guard let first = heap.first else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            siftDown(from: 0)
        }
        return first
    }

    private mutating func siftDown(from start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            guard left < heap.count else { return }
            let right = left + 1
            let child = right < heap.count && isOrderedBefore(heap[right], heap[left]) ? right : left
            guard isOrderedBefore(heap[child], heap[parent]) else { return }
            heap.swapAt(child, parent)
            parent = child
        }
    }
}
