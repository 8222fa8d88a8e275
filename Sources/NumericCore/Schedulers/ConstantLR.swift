/// torch's `ConstantLR`: the lr is multiplied by `factor` at construction and by `1.0 / factor` at step
/// `totalIters` (binary64, recursive as torch's `get_lr`, so the lr after it may be an ulp off the base lr).
public struct ConstantLR: LRScheduler {
    public let baseLR: Double
    public let factor: Double
    public let totalIters: Int
    public private(set) var lr: Double
    public private(set) var stepCount = 0

    public init(baseLR: Double, factor: Double = 1.0 / 3, totalIters: Int = 5) throws(SchedulerError) {
        guard factor >= 0, factor <= 1 else {
            throw .invalidArgument(name: "factor", value: factor, requirement: "it must be between 0 and 1")
        }
        self.baseLR = baseLR
        self.factor = factor
        self.totalIters = totalIters
        self.lr = baseLR * factor
    }

    public mutating func step() {
        stepCount += 1
        if stepCount == totalIters { lr = lr * (1.0 / factor) }
    }
}

extension ConstantLR: RestartableLRScheduler {
    /// The closed form at step 0: base · (factor + [0 ≥ total_iters]·(1 − factor)).
    public mutating func restart() {
        stepCount = 0
        lr = baseLR * (factor + (totalIters <= 0 ? 1 - factor : 0))
    }
}
