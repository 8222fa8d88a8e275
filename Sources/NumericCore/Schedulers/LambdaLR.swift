import Foundation

/// torch's `LambdaLR`: lr_k = base · λ(k) for a caller's function λ of the step count. Shapes built on it
/// (the experiment format's `WarmupCosine`, a `LambdaLR` formula) are defined by their callers. A λ that fails
/// at a step (a formula dividing by zero) throws, as torch raises what the lambda raises; the caller's error is
/// passed on in `SchedulerError.lambdaFailed`.
public struct LambdaLR: LRScheduler {
    public let baseLR: Double
    public let lambda: @Sendable (Int) throws(SchedulerError) -> Double
    public private(set) var lr: Double
    public private(set) var stepCount = 0

    public init(baseLR: Double, lambda: @escaping @Sendable (Int) throws(SchedulerError) -> Double) throws(SchedulerError) {
        self.baseLR = baseLR
        self.lambda = lambda
        self.lr = baseLR * (try lambda(0))
    }

    public mutating func step() throws(SchedulerError) {
        stepCount += 1
        lr = baseLR * (try lambda(stepCount))
    }
}

extension LambdaLR: RestartableLRScheduler {
    /// `get_lr()` at step 0 (no closed form): base · λ(0).
    public mutating func restart() throws(SchedulerError) {
        stepCount = 0
        lr = baseLR * (try lambda(0))
    }
}
