import Foundation

/// torch's `OneCycleLR` (binary64, docs/parity.md §6): the lr rises from max/div to max over the first
/// `pctStart` of the steps and anneals to max/div/finalDiv, while the momentum (SGD's `momentum`,
/// Adam/AdamW's `beta1`) moves the opposite way between `maxMomentum` and `baseMomentum`.
///
/// Phase ends (two-phase): e1 = f64(pct·total) − 1, e2 = total − 1; with `threePhase`:
/// e1, 2·pct·total − 2, total − 1 (the second phase returns to the initial lr, the third anneals to min).
/// In a phase from step s to e: pct = (k − s)/(e − s), value = anneal(start, end, pct) with
/// cos: end + (start − end)/2·(cos(π·pct) + 1), linear: (end − start)·pct + start.
public struct OneCycleLR: LRScheduler {
    public enum AnnealStrategy: String, Sendable { case cos, linear }

    private struct Phase: Sendable {
        let endStep: Double
        let lr: (Double, Double)
        let momentum: (Double, Double)
    }

    public let totalSteps: Int
    public let maxLR: Double
    public let initialLR: Double
    public let minLR: Double
    public let annealStrategy: AnnealStrategy
    public let cycleMomentum: Bool
    private let phases: [Phase]
    public private(set) var lr: Double = 0
    private var cycledMomentum: Double = 0
    public private(set) var stepCount = 0

    public var momentum: Double? { cycleMomentum ? cycledMomentum : nil }

    public init(maxLR: Double, totalSteps: Int, pctStart: Double = 0.3, annealStrategy: AnnealStrategy = .cos,
                cycleMomentum: Bool = true, baseMomentum: Double = 0.85, maxMomentum: Double = 0.95,
                divFactor: Double = 25, finalDivFactor: Double = 1e4, threePhase: Bool = false) throws(SchedulerError) {
        guard totalSteps > 0 else {
            throw .invalidArgument(name: "total_steps", value: Double(totalSteps), requirement: "it must be a positive integer")
        }
        guard pctStart >= 0, pctStart <= 1 else {
            throw .invalidArgument(name: "pct_start", value: pctStart, requirement: "it must be between 0 and 1")
        }
        self.totalSteps = totalSteps
        self.maxLR = maxLR
        self.initialLR = maxLR / divFactor
        self.minLR = initialLR / finalDivFactor
        self.annealStrategy = annealStrategy
        self.cycleMomentum = cycleMomentum
        let total = Double(totalSteps)
        let (lo, hi) = (baseMomentum, maxMomentum)
        if threePhase {
            phases = [Phase(endStep: Double(pctStart * total) - 1, lr: (initialLR, maxLR), momentum: (hi, lo)),
                      Phase(endStep: Double(2 * pctStart * total) - 2, lr: (maxLR, initialLR), momentum: (lo, hi)),
                      Phase(endStep: total - 1, lr: (initialLR, minLR), momentum: (hi, hi))]
        } else {
            phases = [Phase(endStep: Double(pctStart * total) - 1, lr: (initialLR, maxLR), momentum: (hi, lo)),
                      Phase(endStep: total - 1, lr: (maxLR, minLR), momentum: (lo, hi))]
        }
        cycledMomentum = hi
        compute()
    }

    /// One per batch; torch raises after more than `totalSteps` calls, and so does this.
    public mutating func step() throws(SchedulerError) {
        guard stepCount + 1 <= totalSteps else { throw .steppedPastEnd(step: stepCount + 1, totalSteps: totalSteps) }
        stepCount += 1
        compute()
    }

    /// A convenience for the lesson's form `OneCycleLR(opt, max_lr:, steps_per_epoch:, epochs:)`.
    public init(maxLR: Double, epochs: Int, stepsPerEpoch: Int, pctStart: Double = 0.3,
                annealStrategy: AnnealStrategy = .cos, cycleMomentum: Bool = true) throws(SchedulerError) {
        try self.init(maxLR: maxLR, totalSteps: epochs * stepsPerEpoch, pctStart: pctStart,
                      annealStrategy: annealStrategy, cycleMomentum: cycleMomentum)
    }

    private mutating func compute() {
        let k = Double(stepCount)
        var start = 0.0
        for (i, phase) in phases.enumerated() {
            if k <= phase.endStep || i == phases.count - 1 {
                let pct = (k - start) / (phase.endStep - start)
                lr = anneal(phase.lr.0, phase.lr.1, pct)
                if cycleMomentum { cycledMomentum = anneal(phase.momentum.0, phase.momentum.1, pct) }
                return
            }
            start = phase.endStep
        }
    }

    private func anneal(_ start: Double, _ end: Double, _ pct: Double) -> Double {
        switch annealStrategy {
        case .cos: end + (start - end) / 2.0 * (cos(Double.pi * pct) + 1)
        case .linear: (end - start) * pct + start
        }
    }
}
