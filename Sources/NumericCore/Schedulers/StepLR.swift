/// torch's `StepLR`: every `stepSize` steps the lr is multiplied by `gamma` (repeated multiplication in
/// binary64, so 1e-3 → 1e-4 → 1e-5 → 1.0000000000000002e-6).
public struct StepLR: LRScheduler {
    public let baseLR: Double
    public let stepSize: Int
    public let gamma: Double
    public private(set) var lr: Double
    public private(set) var stepCount = 0

    public init(baseLR: Double, stepSize: Int, gamma: Double = 0.1) throws(SchedulerError) {
        guard stepSize > 0 else {
            throw .invalidArgument(name: "step_size", value: Double(stepSize), requirement: "it must be a positive integer")
        }
        self.baseLR = baseLR
        self.stepSize = stepSize
        self.gamma = gamma
        self.lr = baseLR
    }

    public mutating func step() {
        stepCount += 1
        if stepCount % stepSize == 0 { lr = lr * gamma }           // lr_k = lr_{k−1}·γ at multiples of step_size
    }
}

extension StepLR: RestartableLRScheduler {
    /// The closed form at step 0: base · γ^(0 // step_size) = base.
    public mutating func restart() {
        stepCount = 0
        lr = baseLR * MultiStepLR.power(gamma, 0 / stepSize)
    }
}
