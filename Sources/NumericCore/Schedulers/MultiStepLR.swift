/// torch's `MultiStepLR`: at a step listed in `milestones` the lr is multiplied by `gamma` raised to the number of
/// times that step is listed (`lr_k = lr_{k−1}·γ^count(k)`, binary64, Python's `**`).
public struct MultiStepLR: LRScheduler {
    public let baseLR: Double
    public let milestones: [Int]
    public let gamma: Double
    public private(set) var lr: Double
    public private(set) var stepCount = 0

    public init(baseLR: Double, milestones: [Int], gamma: Double = 0.1) {
        self.baseLR = baseLR
        self.milestones = milestones
        self.gamma = gamma
        self.lr = baseLR
    }

    public mutating func step() {
        stepCount += 1
        let count = milestones.filter { $0 == stepCount }.count
        if count > 0 { lr = lr * Self.power(gamma, count) }
    }

    /// Python's `float ** int` (C `pow`).
    static func power(_ x: Double, _ n: Int) -> Double { Foundation.pow(x, Double(n)) }
}

import Foundation

extension MultiStepLR: RestartableLRScheduler {
    /// The closed form at step 0: base · γ^(milestones ≤ 0) = base.
    public mutating func restart() {
        stepCount = 0
        lr = baseLR * Self.power(gamma, milestones.filter { $0 <= 0 }.count)
    }
}
