/// The options of a train block's loss, with torch's defaults: `HuberLoss(delta=1.0)`, `SmoothL1Loss(beta=1.0)`,
/// `CrossEntropyLoss(label_smoothing=0.0)`. Only the one of the block's loss is read.
public struct LossOptions: Sendable, Hashable {
    /// HuberLoss: where the loss turns from quadratic to linear (> 0).
    public var delta = 1.0
    /// SmoothL1Loss: the width of the quadratic part (≥ 0; 0 is L1).
    public var beta = 1.0
    /// CrossEntropyLoss: the share of the target's probability spread over all classes (0 to 1).
    public var labelSmoothing = 0.0

    public init() {}

    /// The canonical fields the loss takes, only where they differ from torch's defaults, so a block written
    /// before the options existed keeps its cache key.
    func canonical(for loss: LossFunction) -> [String: Canonical] {
        switch loss {
        case .huber where delta != 1: ["delta": .number(delta)]
        case .smoothL1 where beta != 1: ["beta": .number(beta)]
        case .crossEntropy where labelSmoothing != 0: ["label_smoothing": .number(labelSmoothing)]
        default: [:]
        }
    }
}

extension LossFunction {
    /// Losses whose targets are numbers to predict (test_mae applies), not class labels.
    var isRegression: Bool { self == .mse || self == .l1 || self == .huber || self == .smoothL1 }
}
