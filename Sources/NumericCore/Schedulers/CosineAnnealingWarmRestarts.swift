import Foundation

/// torch's `CosineAnnealingWarmRestarts(T_0, T_mult, eta_min)` stepped without an epoch, binary64 (SGDR):
///
///     T_cur += 1;  if T_cur ≥ T_i { T_cur −= T_i;  T_i ·= T_mult }
///     lr = η + (base − η)·(1 + cos(π·T_cur / T_i)) / 2          (left to right: ((base − η)·(1 + cos)) / 2)
///
/// so the lr falls along a cosine over T_0 steps, jumps back to the base lr, and each later cycle is T_mult times
/// longer than the one before.
public struct CosineAnnealingWarmRestarts: LRScheduler {
    public let baseLR: Double
    public let t0: Int
    public let tMult: Int
    public let etaMin: Double
    /// Steps since the last restart, and the length of the current cycle.
    public private(set) var tCur = 0
    public private(set) var tI: Int
    public private(set) var lr: Double
    public private(set) var stepCount = 0

    public init(baseLR: Double, t0: Int, tMult: Int = 1, etaMin: Double = 0) throws(SchedulerError) {
        guard t0 > 0 else { throw .invalidArgument(name: "T_0", value: Double(t0), requirement: "it must be a positive integer") }
        guard tMult >= 1 else { throw .invalidArgument(name: "T_mult", value: Double(tMult), requirement: "it must be an integer ≥ 1") }
        (self.baseLR, self.t0, self.tMult, self.etaMin, self.tI) = (baseLR, t0, tMult, etaMin, t0)
        self.lr = baseLR
        lr = annealed()
    }

    public mutating func step() throws(SchedulerError) {
        stepCount += 1
        tCur += 1
        if tCur >= tI {
            tCur -= tI
            let (longer, overflow) = tI.multipliedReportingOverflow(by: tMult)
            guard !overflow else { throw .invalidArgument(name: "T_mult", value: Double(tMult), requirement: "the cycle length outgrew an integer") }
            tI = longer
        }
        lr = annealed()
    }

    private func annealed() -> Double {
        etaMin + (baseLR - etaMin) * (1 + cos(Double.pi * Double(tCur) / Double(tI))) / 2
    }
}

extension CosineAnnealingWarmRestarts: RestartableLRScheduler {
    /// `get_lr()` at the cycle position it is at (torch's class has no closed form).
    public mutating func restart() throws(SchedulerError) {
        stepCount = 0
        lr = annealed()
    }
}
