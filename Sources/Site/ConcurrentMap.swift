import Foundation

extension Array where Element: Sendable {
    /// `map` with the elements spread over every core (`DispatchQueue.concurrentPerform`); the results
    /// come back in the array's order, so what is built from them does not depend on scheduling.
    func concurrentMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        let slots = Slots<Result>(count: count)
        let items = self
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            slots.set(index, transform(items[index]))
        }
        return slots.values()
    }
}

/// One result slot per element, written by concurrent iterations.
private final class Slots<Value: Sendable>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock(); slots[index] = value; lock.unlock()
    }

    /// Every slot, once every iteration has finished (concurrentPerform returns only then).
    func values() -> [Value] {
        lock.lock(); defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
