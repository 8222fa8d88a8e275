import Foundation

/// torch's `LambdaLR`: lr_k = base · λ(k) for a caller's function λ of the step count.
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

    /// The lesson's linear warmup + cosine decay: warmup = int(0.1 · total) steps of k / warmup, then
    /// 0.5 · (1 + cos(π · (k − warmup) / (total − warmup))). Throws unless total ≥ 10 (warmup ≥ 1).
    public static func warmupCosine(baseLR: Double, totalSteps: Int) throws(SchedulerError) -> LambdaLR {
        let warmup = Int(0.1 * Double(totalSteps))                  // Python int() truncates
        guard warmup >= 1, totalSteps > warmup else {
            throw .invalidArgument(name: "total_steps", value: Double(totalSteps),
                                   requirement: "warmup-cosine needs at least 10 steps (warmup = int(0.1·total) ≥ 1)")
        }
        return LambdaLR(baseLR: baseLR) { warmupCosineFactor(step: $0, warmup: warmup, total: totalSteps) }
    }

    /// λ(k) of `warmupCosine`, evaluated exactly like the lesson's Python (`np.cos` = C cos here).
    public static func warmupCosineFactor(step k: Int, warmup: Int, total: Int) -> Double {
        if k < warmup { return Double(k) / Double(warmup) }
        let progress = Double(k - warmup) / Double(total - warmup)
        return 0.5 * (1 + cos(Double.pi * progress))
    }
}
