import Foundation

/// A value computed on a thread of its own while the caller goes on with other work; `value` waits for it.
/// `concurrentMap`'s extra workers are such threads too. For independent steps of one build (reading the kept search index while the lessons load, writing it back
/// while the site is written), so that a small incremental build uses both cores instead of one.
final class Background<Value: Sendable>: @unchecked Sendable {
    private var result: Value?
    private let finished = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            result = work()
            finished.signal()
        }
        thread.stackSize = 8 << 20   // as a dispatch worker's
        thread.start()
    }

    /// The work's result, once it has finished (at once if it has).
    var value: Value {
        finished.wait()
        defer { finished.signal() }
        return result!
    }
}

extension Background where Value == Void {
    /// Lets go of `value` on a thread of its own: freeing what a build is done with (every lesson's tree and HTML
    /// after a cold build) takes milliseconds that the writer need not wait for. What `value` alone holds is freed
    /// there; what the caller still holds elsewhere stays.
    static func release<Held: Sendable>(_ value: consuming Held) {
        let box = Released(consume value)
        _ = Background { box.value = nil }
    }
}

/// What `Background.release` frees: set to nil by the releasing thread, so that it is freed there.
private final class Released<Held: Sendable>: @unchecked Sendable {
    var value: Held?
    init(_ value: consuming Held) { self.value = value }
}
