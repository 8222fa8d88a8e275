import Foundation
import Testing
@testable import Site

/// `Background`'s waiting and `Background.release`'s freeing on a thread of its own.
@Suite struct BackgroundTests {
    /// Reports the thread its instance is freed on.
    private final class Tracked: @unchecked Sendable {
        let freed: @Sendable (pthread_t) -> Void
        init(freed: @escaping @Sendable (pthread_t) -> Void) { self.freed = freed }
        deinit { freed(pthread_self()) }
    }

    private final class Outcome: @unchecked Sendable {
        let done = DispatchSemaphore(value: 0)
        var thread: pthread_t?
    }

    @Test func valueWaitsForTheWorkAndCanBeReadAgain() {
        let work = Background { () -> Int in
            Thread.sleep(forTimeInterval: 0.01)
            return 42
        }
        #expect(work.value == 42)
        #expect(work.value == 42)
    }

    @Test func releaseFreesTheValueOnAnotherThread() {
        let outcome = Outcome()
        var held: [Tracked]? = [Tracked { thread in
            outcome.thread = thread
            outcome.done.signal()
        }]
        Background.release(held.take()!)
        #expect(held == nil)
        #expect(outcome.done.wait(timeout: .now() + 10) == .success)
        #expect(outcome.thread.map { pthread_equal($0, pthread_self()) == 0 } == true)
    }
}
