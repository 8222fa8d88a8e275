/// torch's `LinearLR`: the lr starts at base·`startFactor` and moves linearly to base·`endFactor` over `totalIters`
/// steps, recursively as torch's `get_lr` computes it (binary64):
///
///     lr_0 = base · start;   k ≤ total: lr_k = lr_{k−1} · (1 + (end − start) / (total·start + (k − 1)(end − start)))
public struct LinearLR: LRScheduler {
    public let baseLR: Double
    public let startFactor: Double
    public let endFactor: Double
    public let totalIters: Int
    public private(set) var lr: Double
    public private(set) var stepCount = 0

    public init(baseLR: Double, startFactor: Double = 1.0 / 3, endFactor: Double = 1, totalIters: Int = 5) throws(SchedulerError) {
        guard startFactor > 0, startFactor <= 1 else {
            throw .invalidArgument(name: "start_factor", value: startFactor, requirement: "it must be in (0, 1]")
        }
        guard endFactor >= 0, endFactor <= 1 else {
            throw .invalidArgument(name: "end_factor", value: endFactor, requirement: "it must be between 0 and 1")
        }
        (self.baseLR, self.startFactor, self.endFactor, self.totalIters) = (baseLR, startFactor, endFactor, totalIters)
        self.lr = baseLR * startFactor
    }

    public mutating func step() {
        stepCount += 1
        guard stepCount <= totalIters else { return }
        let k = Double(stepCount), total = Double(totalIters)
        lr = lr * (1.0 + (endFactor - startFactor) / (total * startFactor + (k - 1) * (endFactor - startFactor)))
    }
}

extension LinearLR: RestartableLRScheduler {
    /// The closed form at step 0: base · (start + (end − start)·min(total_iters, 0) / total_iters); torch divides
    /// by zero when total_iters is 0.
    public mutating func restart() throws(SchedulerError) {
        guard totalIters != 0 else {
            throw .invalidArgument(name: "total_iters", value: 0, requirement: "SequentialLR's restart divides by it")
        }
        stepCount = 0
        lr = baseLR * (startFactor + (endFactor - startFactor) * Double(min(totalIters, 0)) / Double(totalIters))
    }
}
