/// torch's `ExponentialLR`: every step multiplies the lr by `gamma` (`lr_k = lr_{k−1}·γ`, binary64, recursive as
/// torch's `get_lr`).
public struct ExponentialLR: LRScheduler {
    public let baseLR: Double
    public let gamma: Double
    public private(set) var lr: Double
    public private(set) var stepCount = 0

    public init(baseLR: Double, gamma: Double) {
        self.baseLR = baseLR
        self.gamma = gamma
        self.lr = baseLR
    }

    public mutating func step() {
        stepCount += 1
        lr = lr * gamma
    }
}

extension ExponentialLR: RestartableLRScheduler {
    /// The closed form at step 0: base · γ⁰ = base.
    public mutating func restart() {
        stepCount = 0
        lr = baseLR * MultiStepLR.power(gamma, 0)
    }
}
