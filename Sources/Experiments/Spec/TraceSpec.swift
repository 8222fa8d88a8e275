/// A `kind: trace` block: optimisers or textbook update rules stepped over given parameters and
/// gradients, recording their state after every step.
public struct TraceSpec: Sendable, Hashable {
    /// The floating-point type of parameters and state.
    public enum Precision: String, Sendable, Hashable, CaseIterable {
        case float64, float32
    }

    public var precision: Precision
    public var params: [Double]
    public var gradients: GradientSource
    public var runs: [TraceRun]
    /// Recorded after every step (default `[param]`); quantities a run does not have are left blank.
    public var record: [TraceQuantity]

    /// How many steps the trace takes.
    public var stepCount: Int {
        switch gradients {
        case .explicit(let list): return list.count
        case .numpyRandn(_, _, let steps): return steps
        }
    }
}

/// Where the gradients of each step come from.
public enum GradientSource: Sendable, Hashable {
    /// One vector per step, each as long as `params`.
    case explicit([[Double]])
    /// `np.random.seed(seed)`, then per step `np.random.randn(len(params)) * scale`.
    case numpyRandn(seed: Int, scale: Double, steps: Int)
}

/// One traced run: a torch optimiser or a from-scratch rule.
public struct TraceRun: Sendable, Hashable {
    /// What updates the parameters.
    public enum Stepper: Sendable, Hashable {
        case optimizer(OptimizerSpec)
        case rule(TraceRule)
    }

    public var label: String
    public var stepper: Stepper
}

/// A textbook update rule written out from the formulas (not torch's order of operations).
public enum TraceRule: Sendable, Hashable {
    /// m = β₁m + (1-β₁)g; v = β₂v + (1-β₂)g²; m̂ = m/(1-β₁ᵗ); v̂ = v/(1-β₂ᵗ); W -= lr·m̂/(√v̂ + ε).
    case adamTextbook(lr: Double, beta1: Double, beta2: Double, eps: Double)
    /// As `adamTextbook` without bias correction: W -= lr·m/(√v + ε).
    case adamNoBiasCorrection(lr: Double, beta1: Double, beta2: Double, eps: Double)
    /// v = βv + g; W -= lr·v.
    case sgdMomentumTextbook(lr: Double, beta: Double)

    /// The names accepted after `rule: {name: …}`.
    public enum Name: String, Sendable, CaseIterable {
        case adamTextbook = "adam-textbook", adamNoBiasCorrection = "adam-no-bias-correction"
        case sgdMomentumTextbook = "sgd-momentum-textbook"
    }
}

/// A per-step quantity a trace records.
public enum TraceQuantity: String, Sendable, Hashable, CaseIterable {
    /// Parameters after the step.
    case param
    /// The step's gradient.
    case grad
    /// First moment (Adam's `exp_avg`).
    case m
    /// Second moment (Adam's `exp_avg_sq`).
    case v
    /// m / (1 - β₁ᵗ).
    case mHat = "m_hat"
    /// v / (1 - β₂ᵗ).
    case vHat = "v_hat"
    /// Momentum buffer (SGD's `momentum_buffer`, or the textbook rule's v).
    case velocity
    /// max |param - first run's param| after the step.
    case maxAbsDiff = "max_abs_diff"
    /// The step's parameter change divided by the learning rate, (W_before − W_after) / lr: Adam's
    /// m̂/(√v̂+ε), the size of the update in units of the learning rate.
    case stepRatio = "step_ratio"
}

extension TraceRule {
    var canonical: Canonical {
        switch self {
        case .adamTextbook(let lr, let b1, let b2, let eps), .adamNoBiasCorrection(let lr, let b1, let b2, let eps):
            let name = if case .adamTextbook = self { "adam-textbook" } else { "adam-no-bias-correction" }
            return .object(["name": .string(name), "lr": .number(lr), "betas": .array([.number(b1), .number(b2)]),
                            "eps": .number(eps)])
        case .sgdMomentumTextbook(let lr, let beta):
            return .object(["name": .string("sgd-momentum-textbook"), "lr": .number(lr), "beta": .number(beta)])
        }
    }
}
