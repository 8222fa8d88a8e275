import Testing
@testable import NumericCore

/// The lr sequences the scheduler fixtures hold (`sequences`: name → base_lr and every lr as binary64 reprs, from
/// scripts/reference/scheduler_next_fixtures.py), and the check that a scheduler steps through one bit for bit.
enum SchedulerSequences {
    static func load(_ fixture: String) throws -> [String: [String: Any]] {
        try #require(try Fixture.load(fixture)["sequences"] as? [String: [String: Any]])
    }

    /// Builds `make(base_lr)` and expects its lr after construction and after each `step()` to be the fixture's.
    static func expectBitwise(_ fixture: String, _ name: String, _ make: (Double) throws -> any LRScheduler) throws {
        let expected = try #require(try load(fixture)[name])
        let base = try #require((expected["base_lr"] as? String).flatMap(Double.init))
        let lrs = try #require(expected["lr"] as? [String]).compactMap(Double.init)
        var scheduler = try make(base)
        var ours = [scheduler.lr]
        for _ in 1..<lrs.count {
            try scheduler.step()
            ours.append(scheduler.lr)
        }
        #expect(ours.map(\.bitPattern) == lrs.map(\.bitPattern), "\(name): \(ours) vs \(lrs)")
    }
}
