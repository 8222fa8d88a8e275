import Foundation

extension Array where Element: Sendable {
    /// `map` with the elements spread over every core; the results come back in the array's order, so what is
    /// built from them does not depend on scheduling.
    ///
    /// The work runs on threads of its own, not in `DispatchQueue.concurrentPerform`: the lessons' stages run
    /// their experiments with `concurrentPerform`, and libdispatch runs an apply nested in another apply with
    /// its width divided by the outer one's, so on 2 cores a cold build trained every run of a lesson on one
    /// thread while the other core idled.
    func concurrentMap<Result: Sendable>(_ transform: @escaping @Sendable (Element) -> Result) -> [Result] {
        let width = Swift.min(ProcessInfo.processInfo.activeProcessorCount, count)
        guard width > 1 else { return map(transform) }
        let slots = Slots<Result>(count: count)
        let items = self
        let work: @Sendable () -> Void = {
            while let index = slots.claim() { slots.set(index, transform(items[index])) }
        }
        let helpers = (1..<width).map { _ in Background(work) }
        work()
        for helper in helpers { helper.value }
        return slots.values()
    }
}

/// One result slot per element, written by concurrent workers, and the next element to claim.
private final class Slots<Value: Sendable>: @unchecked Sendable {
    private var slots: [Value?]
    private var next = 0
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    /// The index of an element no worker has taken yet, if any.
    func claim() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard next < slots.count else { return nil }
        next += 1
        return next - 1
    }

    func set(_ index: Int, _ value: Value) {
        lock.lock(); slots[index] = value; lock.unlock()
    }

    /// Every slot, once every worker has finished.
    func values() -> [Value] {
        lock.lock(); defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
