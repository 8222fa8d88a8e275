import Foundation

/// Adagrad — torch's `optim.Adagrad`, single-tensor path (`_single_tensor_adagrad`), per element
/// (docs/parity.md §5.3):
///
///     g ← fma(λ, p, g)                                    if λ ≠ 0
///     clr = lr / (1 + (t − 1) · lr_decay)                 (binary64)
///     s ← fma(1 ⊗ g, g, s)                                 state_sum.addcmul_(g, g, value=1); s starts at f32(init)
///     p ← p ⊕ ((−clr ⊗ g) ⊘ (sqrt(s) ⊕ eps))
public struct Adagrad: BufferedOptimizer {
    public var lr: Double
    public let lrDecay: Double
    public let weightDecay: Double
    public let initialAccumulatorValue: Double
    public let eps: Double

    var state = OptimizerBuffers<Float>()
    var state64 = OptimizerBuffers<Double>()

    public init(lr: Double = 1e-2, lrDecay: Double = 0, weightDecay: Double = 0, initialAccumulatorValue: Double = 0,
                eps: Double = 1e-10) throws(OptimizerError) {
        guard lr >= 0 else { throw .invalidLearningRate(lr) }
        guard lrDecay >= 0 else { throw .invalidOption(name: "lr_decay", value: lrDecay) }
        guard weightDecay >= 0 else { throw .invalidWeightDecay(weightDecay) }
        guard initialAccumulatorValue >= 0 else {
            throw .invalidOption(name: "initial_accumulator_value", value: initialAccumulatorValue)
        }
        guard eps >= 0 else { throw .invalidEpsilon(eps) }
        (self.lr, self.lrDecay, self.weightDecay, self.initialAccumulatorValue, self.eps) =
            (lr, lrDecay, weightDecay, initialAccumulatorValue, eps)
    }

    /// Adagrad has no momentum for OneCycleLR to cycle.
    public var scheduledMomentum: Double {
        get { 0 }
        set { }
    }

    func update<S: OptimizerScalar>(_ p: inout [S], _ g: [S], _ state: inout OptimizerBuffers<S>) {
        state.prepare(count: 1, size: p.count, initial: S(initialAccumulatorValue))
        state.step += 1
        let clr = lr / (1 + (state.step - 1) * lrDecay)
        let (lambda, epsilon, negCLR) = (S(weightDecay), S(eps), S(-clr))
        var sum = state.buffers[0]
        state.buffers = []
        for i in p.indices {
            let grad = ElementwiseUpdate.decayed(g[i], p[i], lambda, weightDecay != 0)
            sum[i] = ElementwiseUpdate.addcmul(sum[i], grad, grad, value: 1)
            p[i] = ElementwiseUpdate.addcdiv(p[i], grad, sum[i].tensorSquareRoot() + epsilon, value: negCLR)
        }
        state.buffers = [sum]
    }
}
