/// torch's `ReduceLROnPlateau`: cuts the lr by `factor` after more than `patience` steps without an
/// improvement of the metric it is fed (every default of torch 2.x; docs/parity.md §6).
///
///     better ⇔ min/rel: m < best·(1 − threshold)   min/abs: m < best − threshold
///              max/rel: m > best·(threshold + 1)   max/abs: m > best + threshold
///     better → best = m, bad = 0; else bad += 1
///     cooldown > 0 → cooldown −= 1, bad = 0
///     bad > patience → new = max(lr·factor, minLR); apply if lr − new > eps; cooldown = cooldown; bad = 0
public struct ReduceLROnPlateau: Sendable {
    public enum Mode: String, Sendable { case min, max }
    public enum ThresholdMode: String, Sendable { case rel, abs }

    public let mode: Mode
    public let factor: Double
    public let patience: Int
    public let threshold: Double
    public let thresholdMode: ThresholdMode
    public let cooldown: Int
    public let minLR: Double
    public let eps: Double

    public private(set) var lr: Double
    public private(set) var best: Double
    public private(set) var numBadEpochs = 0
    public private(set) var cooldownCounter = 0
    public private(set) var stepCount = 0

    public init(baseLR: Double, mode: Mode = .min, factor: Double = 0.1, patience: Int = 10, threshold: Double = 1e-4,
                thresholdMode: ThresholdMode = .rel, cooldown: Int = 0, minLR: Double = 0,
                eps: Double = 1e-8) throws(SchedulerError) {
        guard factor < 1 else { throw .invalidArgument(name: "factor", value: factor, requirement: "it must be < 1.0") }
        guard patience >= 0 else {
            throw .invalidArgument(name: "patience", value: Double(patience), requirement: "it must be ≥ 0")
        }
        guard cooldown >= 0 else {
            throw .invalidArgument(name: "cooldown", value: Double(cooldown), requirement: "it must be ≥ 0")
        }
        self.mode = mode
        self.factor = factor
        self.patience = patience
        self.threshold = threshold
        self.thresholdMode = thresholdMode
        self.cooldown = cooldown
        self.minLR = minLR
        self.eps = eps
        self.lr = baseLR
        self.best = mode == .min ? .infinity : -.infinity
    }

    /// Feeds one metric value (torch's `scheduler.step(metric)`; a float32 `.item()` widens exactly).
    public mutating func step(metric: Double) {
        stepCount += 1
        if isBetter(metric) {
            best = metric
            numBadEpochs = 0
        } else {
            numBadEpochs += 1
        }
        if cooldownCounter > 0 {
            cooldownCounter -= 1
            numBadEpochs = 0
        }
        if numBadEpochs > patience {
            let newLR = Swift.max(lr * factor, minLR)
            if lr - newLR > eps { lr = newLR }
            cooldownCounter = cooldown
            numBadEpochs = 0
        }
    }

    /// Writes the current lr into the optimiser.
    public func apply<O: Optimizer>(to optimizer: inout O) { optimizer.lr = lr }

    private func isBetter(_ a: Double) -> Bool {
        switch (mode, thresholdMode) {
        case (.min, .rel): a < best * (1 - threshold)
        case (.min, .abs): a < best - threshold
        case (.max, .rel): a > best * (threshold + 1)
        case (.max, .abs): a > best + threshold
        }
    }
}
