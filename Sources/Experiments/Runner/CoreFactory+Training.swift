import NumericCore

extension CoreFactory {
    /// The numeric core's loss for a train block's loss and its options.
    static func loss(_ function: LossFunction, _ options: LossOptions) -> Loss {
        switch function {
        case .mse: .mse
        case .bceWithLogits: .bceWithLogits
        case .crossEntropy: .crossEntropy(labelSmoothing: options.labelSmoothing)
        case .l1: .l1
        case .huber: .huber(delta: options.delta)
        case .smoothL1: .smoothL1(beta: options.beta)
        }
    }

    /// `clip_grad_norm_` or `clip_grad_value_`.
    static func clipping(_ spec: GradientClippingSpec) -> GradientClipping {
        switch spec {
        case .norm(let maxNorm, let normType): .norm(maxNorm: maxNorm, normType: normType)
        case .value(let value): .value(value)
        }
    }
}
