import Foundation

/// torch's `LambdaLR`: lr_k = base · λ(k) for a caller's function λ of the step count. Shapes built on it
/// (the experiment format's `WarmupCosine`, a `LambdaLR` formula) are defined by their callers.
public struct LambdaLR: LRScheduler {
    public let baseLR: Double
    public let lambda: @Sendable (Int) -> Double
    public private(set) var lr: Double
    public private(set) var stepCount = 0

    public init(baseLR: Double, lambda: @escaping @Sendable (Int) -> Double) {
        self.baseLR = baseLR
        self.lambda = lambda
        self.lr = baseLR * lambda(0)
    }

    public mutating func step() {
        stepCount += 1
        lr = baseLR * lambda(stepCount)
    }
}

extension LambdaLR: RestartableLRScheduler {
    /// `get_lr()` at step 0 (no closed form): base · λ(0).
    public mutating func restart() {
        stepCount = 0
        lr = baseLR * lambda(0)
    }
}
