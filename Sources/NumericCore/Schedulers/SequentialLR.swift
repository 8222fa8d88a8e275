/// torch's `SequentialLR(schedulers, milestones)`: scheduler i drives the lr from step milestones[i − 1] on.
///
/// Constructing it resets the lr to the base and performs only the first scheduler's step 0; every sub-scheduler
/// is built on the same base lr. At a milestone torch does not step the next scheduler: it calls its
/// `_update_lr(0)`, which sets it to step 0 with its *closed form* where it has one (`restart()`), so the lr
/// there is the closed form's value at 0 — which can differ in the last bit from what the scheduler gave when it
/// was built (CosineAnnealingLR with η > 0: η + (base − η)). After that the scheduler steps as usual, counting
/// from that milestone.
public struct SequentialLR: LRScheduler {
    public private(set) var schedulers: [any RestartableLRScheduler]
    public let milestones: [Int]
    public private(set) var lr: Double
    public private(set) var stepCount = 0

    /// `milestones` must be increasing steps from 1, one fewer than `schedulers`.
    public init(schedulers: [any RestartableLRScheduler], milestones: [Int]) throws(SchedulerError) {
        guard let first = schedulers.first else {
            throw .invalidArgument(name: "schedulers", value: 0, requirement: "SequentialLR needs at least one scheduler")
        }
        guard milestones.count == schedulers.count - 1 else {
            throw .invalidArgument(name: "milestones", value: Double(milestones.count),
                                   requirement: "there must be one milestone fewer than schedulers (\(schedulers.count))")
        }
        guard milestones.allSatisfy({ $0 >= 1 }), zip(milestones, milestones.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw .invalidArgument(name: "milestones", value: Double(milestones.first ?? 0),
                                   requirement: "they must be increasing steps from 1")
        }
        self.schedulers = schedulers
        self.milestones = milestones
        self.lr = first.lr
    }

    public mutating func step() throws(SchedulerError) {
        stepCount += 1
        let active = milestones.prefix { $0 <= stepCount }.count
        if active > 0, milestones[active - 1] == stepCount {
            try schedulers[active].restart()
        } else {
            try schedulers[active].step()
        }
        lr = schedulers[active].lr
    }
}

/// A scheduler SequentialLR can hand over to: `restart()` is torch's `_update_lr(0)` — step count 0 and the lr of
/// the scheduler's closed form at step 0 (or `get_lr()` there when it has none).
public protocol RestartableLRScheduler: LRScheduler {
    mutating func restart() throws(SchedulerError)
}
