import Foundation

/// Adamax — torch's `optim.Adamax`, single-tensor path (`_single_tensor_adamax`), per element (docs/parity.md §5.3):
///
///     g ← fma(λ, p, g)                                    if λ ≠ 0
///     m ← lerp(m, g, 1 − β1)
///     u ← max(u ⊗ β2, |g| ⊕ eps)                          torch.maximum: a NaN on either side gives NaN
///     p ← p ⊕ ((f32(−lr / (1 − β1^t)) ⊗ m) ⊘ u)
public struct Adamax: BufferedOptimizer {
    public var lr: Double
    public var beta1: Double
    public let beta2: Double
    public let eps: Double
    public let weightDecay: Double

    var state = OptimizerBuffers<Float>()
    var state64 = OptimizerBuffers<Double>()

    public init(lr: Double = 2e-3, betas: (Double, Double) = (0.9, 0.999), eps: Double = 1e-8,
                weightDecay: Double = 0) throws(OptimizerError) {
        guard lr >= 0 else { throw .invalidLearningRate(lr) }
        guard eps >= 0 else { throw .invalidEpsilon(eps) }
        guard betas.0 >= 0, betas.0 < 1 else { throw .invalidBeta(index: 0, value: betas.0) }
        guard betas.1 >= 0, betas.1 < 1 else { throw .invalidBeta(index: 1, value: betas.1) }
        guard weightDecay >= 0 else { throw .invalidWeightDecay(weightDecay) }
        (self.lr, self.beta1, self.beta2, self.eps, self.weightDecay) = (lr, betas.0, betas.1, eps, weightDecay)
    }

    public var scheduledMomentum: Double {
        get { beta1 }
        set { beta1 = newValue }
    }

    func update<S: OptimizerScalar>(_ p: inout [S], _ g: [S], _ state: inout OptimizerBuffers<S>) {
        state.prepare(count: 2, size: p.count)
        state.step += 1
        let clr = lr / (1 - pow(beta1, state.step))
        let (lambda, w, b2, epsilon, negCLR) = (S(weightDecay), S(1 - beta1), S(beta2), S(eps), S(-clr))
        var (m, u) = (state.buffers[0], state.buffers[1])
        state.buffers = []
        for i in p.indices {
            let grad = ElementwiseUpdate.decayed(g[i], p[i], lambda, weightDecay != 0)
            m[i] = ElementwiseUpdate.lerp(m[i], grad, weight: w)
            let decayed = u[i] * b2, magnitude = abs(grad) + epsilon
            u[i] = decayed.isNaN || magnitude.isNaN ? .nan : max(decayed, magnitude)
            p[i] = ElementwiseUpdate.addcdiv(p[i], m[i], u[i], value: negCLR)
        }
        state.buffers = [m, u]
    }
}
