import Foundation

/// torch's `CosineAnnealingLR` in its recursive form (what `step()` without an epoch uses), binary64:
///
///     lr_k = (k − 1 − T) mod 2T == 0 ? lr_{k−1} + (base − η)(1 − cos(π/T))/2
///          : (1 + cos(π·k/T)) / (1 + cos(π·(k − 1)/T)) · (lr_{k−1} − η) + η
///
/// It reaches η exactly at k = T and rises again after (a cosine with period 2T).
public struct CosineAnnealingLR: LRScheduler {
    public let baseLR: Double
    public let tMax: Int
    public let etaMin: Double
    public private(set) var lr: Double
    public private(set) var stepCount = 0

    public init(baseLR: Double, tMax: Int, etaMin: Double = 0) throws(SchedulerError) {
        guard tMax > 0 else {
            throw .invalidArgument(name: "T_max", value: Double(tMax), requirement: "it must be a positive integer")
        }
        self.baseLR = baseLR
        self.tMax = tMax
        self.etaMin = etaMin
        self.lr = baseLR
    }

    public mutating func step() {
        stepCount += 1
        let k = Double(stepCount), t = Double(tMax)
        if (stepCount - 1 - tMax) % (2 * tMax) == 0 {
            lr = lr + (baseLR - etaMin) * (1 - cos(Double.pi / t)) / 2
        } else {
            lr = (1 + cos(Double.pi * k / t)) / (1 + cos(Double.pi * (k - 1) / t)) * (lr - etaMin) + etaMin
        }
    }
}

extension CosineAnnealingLR: RestartableLRScheduler {
    /// The closed form at step 0: η + (base − η)·(1 + cos 0)/2, which is η + (base − η), not always base.
    public mutating func restart() {
        stepCount = 0
        lr = etaMin + (baseLR - etaMin) * (1 + cos(Double.pi * 0 / Double(tMax))) / 2
    }
}
