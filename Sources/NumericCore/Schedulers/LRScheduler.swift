/// A learning-rate schedule stepped without a metric (torch's `scheduler.step()`), computed in binary64.
///
/// Construction already performs torch's step 0: `lr` right after `init` is what the first
/// `optimizer.step()` uses; after k calls to `step()`, `lr` is torch's lr_k (docs/parity.md §6). Copy the values
/// into an optimiser with `apply(to:)` (the trainer does this before every optimiser step).
public protocol LRScheduler: Sendable {
    /// The current learning rate.
    var lr: Double { get }
    /// The momentum / beta1 this schedule sets, if it drives one (OneCycleLR with cycle_momentum).
    var momentum: Double? { get }
    /// How many times `step()` has been called (torch's `last_epoch`).
    var stepCount: Int { get }
    /// Advances the schedule by one step.
    mutating func step() throws(SchedulerError)
}

extension LRScheduler {
    public var momentum: Double? { nil }

    /// Writes the current lr (and momentum / beta1, when driven) into the optimiser's hyper-parameters.
    public func apply<O: Optimizer>(to optimizer: inout O) {
        optimizer.lr = lr
        if let momentum { optimizer.scheduledMomentum = momentum }
    }

    /// The same, for an optimiser held as an existential.
    public func apply(to optimizer: inout any Optimizer) {
        optimizer.lr = lr
        if let momentum { optimizer.scheduledMomentum = momentum }
    }
}

/// A schedule configured with values torch rejects, stepped beyond its end, or whose `LambdaLR` function failed.
public enum SchedulerError: Error, Equatable, CustomStringConvertible {
    case invalidArgument(name: String, value: Double, requirement: String)
    case steppedPastEnd(step: Int, totalSteps: Int)
    /// A `LambdaLR`'s function threw `cause` at scheduler step `step` (torch raises what the lambda raises).
    case lambdaFailed(step: Int, cause: any Error & Sendable)

    public var description: String {
        switch self {
        case let .invalidArgument(name, value, requirement): "invalid \(name) \(value): \(requirement)"
        case let .steppedPastEnd(step, total):
            "tried to step \(step) times, but the schedule has only \(total) steps (total_steps)"
        case let .lambdaFailed(step, cause): "the LambdaLR function failed at step \(step): \(cause)"
        }
    }

    /// Equal cases with equal values; two lambda failures are equal when their steps and causes' texts are.
    public static func == (a: SchedulerError, b: SchedulerError) -> Bool {
        switch (a, b) {
        case let (.invalidArgument(n1, v1, r1), .invalidArgument(n2, v2, r2)): n1 == n2 && v1 == v2 && r1 == r2
        case let (.steppedPastEnd(s1, t1), .steppedPastEnd(s2, t2)): s1 == s2 && t1 == t2
        case let (.lambdaFailed(s1, c1), .lambdaFailed(s2, c2)): s1 == s2 && "\(c1)" == "\(c2)"
        default: false
        }
    }
}
