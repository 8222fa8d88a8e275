/// A torch.optim-style optimiser over one flat parameter vector (a model's `parameters`), float32 or float64.
///
/// Every update is element-wise, so one pass over the flat vector equals torch's loop over the parameter
/// tensors. Hyper-parameters are binary64; a scalar meeting a float32 tensor is first rounded to float32
/// (docs/parity.md §4.1). State buffers are laid out like the parameter vector: slice them with the model's
/// `parameterRanges` to read one tensor's state.
public protocol Optimizer: Sendable {
    /// The learning rate of the next step (schedulers write it).
    var lr: Double { get set }
    /// What OneCycleLR cycles: SGD's `momentum`, Adam/AdamW's `beta1`.
    var scheduledMomentum: Double { get set }
    /// One `optimizer.step()` on float32 parameters.
    mutating func step(parameters: inout [Float], gradients: [Float]) throws(OptimizerError)
    /// One `optimizer.step()` on float64 parameters (scalars unrounded).
    mutating func step(parameters: inout [Double], gradients: [Double]) throws(OptimizerError)
}

/// The scalar types an optimiser can update.
public typealias OptimizerScalar = BinaryFloatingPoint & Sendable

/// A hyper-parameter torch would reject, or buffers that do not fit together.
public enum OptimizerError: Error, Equatable, CustomStringConvertible {
    case invalidLearningRate(Double)
    case invalidMomentum(Double)
    case invalidWeightDecay(Double)
    case invalidEpsilon(Double)
    case invalidBeta(index: Int, value: Double)
    case nesterovRequiresMomentum(momentum: Double, dampening: Double)
    /// Another option outside torch's range (RMSprop's alpha, Adagrad's lr_decay, NAdam's momentum_decay, …).
    case invalidOption(name: String, value: Double)
    case gradientCount(parameters: Int, gradients: Int)
    case parameterCountChanged(expected: Int, got: Int)

    public var description: String {
        switch self {
        case let .invalidLearningRate(v): "invalid learning rate \(v): it must be ≥ 0"
        case let .invalidMomentum(v): "invalid momentum \(v): it must be ≥ 0"
        case let .invalidWeightDecay(v): "invalid weight_decay \(v): it must be ≥ 0"
        case let .invalidEpsilon(v): "invalid eps \(v): it must be ≥ 0"
        case let .invalidBeta(i, v): "invalid beta parameter at index \(i): \(v) is not in [0, 1)"
        case let .nesterovRequiresMomentum(m, d):
            "Nesterov momentum requires a momentum > 0 and zero dampening (got momentum \(m), dampening \(d))"
        case let .invalidOption(name, v): "invalid \(name) value: \(v): it must be ≥ 0"
        case let .gradientCount(p, g): "\(p) parameters but \(g) gradients: they must have the same length"
        case let .parameterCountChanged(e, g):
            "this optimiser's state is for \(e) parameters but the step got \(g): use one optimiser per model"
        }
    }

    static func check<S>(_ p: [S], _ g: [S], stateCount: Int?) throws(OptimizerError) {
        guard p.count == g.count else { throw .gradientCount(parameters: p.count, gradients: g.count) }
        if let stateCount, stateCount != p.count { throw .parameterCountChanged(expected: stateCount, got: p.count) }
    }
}
