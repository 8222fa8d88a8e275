/// Adam with decoupled weight decay — torch's `optim.AdamW` (weight_decay default 0.01): each step first
/// shrinks p ← p ⊗ f32(1 − lr·λ), then runs Adam's moment update without decay in the gradient (see `Adam`).
public struct AdamW: Optimizer {
    private var core: Adam

    /// torch's defaults; throws for values `optim.AdamW` rejects.
    public init(lr: Double = 1e-3, betas: (Double, Double) = (0.9, 0.999), eps: Double = 1e-8,
                weightDecay: Double = 0.01, amsgrad: Bool = false) throws(OptimizerError) {
        core = try Adam(lr: lr, betas: betas, eps: eps, weightDecay: weightDecay, amsgrad: amsgrad, decoupled: true)
    }

    public var lr: Double {
        get { core.lr }
        set { core.lr = newValue }
    }
    public var beta1: Double {
        get { core.beta1 }
        set { core.beta1 = newValue }
    }
    public var beta2: Double { core.beta2 }
    public var eps: Double { core.eps }
    public var weightDecay: Double { core.weightDecay }
    public var amsgrad: Bool { core.amsgrad }
    /// State for float32 parameters.
    public var state: AdamState<Float> { core.state }
    /// State for float64 parameters.
    public var state64: AdamState<Double> { core.state64 }

    public var scheduledMomentum: Double {
        get { core.beta1 }
        set { core.beta1 = newValue }
    }

    public mutating func step(parameters: inout [Float], gradients: [Float]) throws(OptimizerError) {
        try core.step(parameters: &parameters, gradients: gradients)
    }

    public mutating func step(parameters: inout [Double], gradients: [Double]) throws(OptimizerError) {
        try core.step(parameters: &parameters, gradients: gradients)
    }
}
