import Foundation

/// NAdam — torch's `optim.NAdam`, single-tensor path (`_single_tensor_nadam`), per element (docs/parity.md §5.3):
///
///     λ ≠ 0: decoupled p ← p ⊗ f32(1 − lr·λ), else g ← fma(λ, p, g)
///     μ_t = β1 (1 − ½·0.96^(tψ)),  μ_{t+1} = β1 (1 − ½·0.96^((t+1)ψ))          (binary64, C pow)
///     Π ← Π ⊗ f32(μ_t)                     mu_product: a float32 0-dim tensor, read back exactly as a double
///     m ← lerp(m, g, 1 − β1);  v ← fma((1 − β2) ⊗ g, g, v ⊗ β2);  d ← sqrt(v ⊘ f32(1 − β2^t)) ⊕ eps
///     p ← p ⊕ ((f32(−lr(1 − μ_t)/(1 − Π)) ⊗ g) ⊘ d);  p ← p ⊕ ((f32(−lr·μ_{t+1}/(1 − Π·μ_{t+1})) ⊗ m) ⊘ d)
public struct NAdam: BufferedOptimizer {
    public var lr: Double
    public var beta1: Double
    public let beta2: Double
    public let eps: Double
    public let weightDecay: Double
    public let momentumDecay: Double
    public let decoupledWeightDecay: Bool

    var state = OptimizerBuffers<Float>()
    var state64 = OptimizerBuffers<Double>()

    public init(lr: Double = 2e-3, betas: (Double, Double) = (0.9, 0.999), eps: Double = 1e-8, weightDecay: Double = 0,
                momentumDecay: Double = 4e-3, decoupledWeightDecay: Bool = false) throws(OptimizerError) {
        guard lr >= 0 else { throw .invalidLearningRate(lr) }
        guard eps >= 0 else { throw .invalidEpsilon(eps) }
        guard betas.0 >= 0, betas.0 < 1 else { throw .invalidBeta(index: 0, value: betas.0) }
        guard betas.1 >= 0, betas.1 < 1 else { throw .invalidBeta(index: 1, value: betas.1) }
        guard weightDecay >= 0 else { throw .invalidWeightDecay(weightDecay) }
        guard momentumDecay >= 0 else { throw .invalidOption(name: "momentum_decay", value: momentumDecay) }
        (self.lr, self.beta1, self.beta2, self.eps) = (lr, betas.0, betas.1, eps)
        (self.weightDecay, self.momentumDecay, self.decoupledWeightDecay) = (weightDecay, momentumDecay, decoupledWeightDecay)
    }

    public var scheduledMomentum: Double {
        get { beta1 }
        set { beta1 = newValue }
    }

    func update<S: OptimizerScalar>(_ p: inout [S], _ g: [S], _ state: inout OptimizerBuffers<S>) {
        state.prepare(count: 2, size: p.count)
        state.step += 1
        let t = state.step
        let bc2 = 1 - pow(beta2, t)
        let mu = beta1 * (1 - 0.5 * pow(0.96, t * momentumDecay))
        let muNext = beta1 * (1 - 0.5 * pow(0.96, (t + 1) * momentumDecay))
        state.product = state.product * Float(mu)                   // torch's mu_product, a float32 tensor
        let mp = Double(state.product), mpNext = mp * muNext
        let gradStep = S(-lr * (1 - mu) / (1 - mp)), momentumStep = S((-lr * muNext) / (1 - mpNext))
        let (lambda, shrink, w, b2, oneMinusB2, bc, epsilon) =
            (S(weightDecay), S(1 - lr * weightDecay), S(1 - beta1), S(beta2), S(1 - beta2), S(bc2), S(eps))
        let h = (decay: weightDecay != 0, decoupled: decoupledWeightDecay, lambda: lambda, shrink: shrink, w: w, b2: b2,
                 oneMinusB2: oneMinusB2)
        var (m, v) = (state.buffers[0], state.buffers[1])
        state.buffers = []
        for i in p.indices {
            let grad = ElementwiseUpdate.adamMoments(&p[i], g[i], &m[i], &v[i], h)
            let denom = (v[i] / bc).tensorSquareRoot() + epsilon
            p[i] = ElementwiseUpdate.addcdiv(p[i], grad, denom, value: gradStep)
            p[i] = ElementwiseUpdate.addcdiv(p[i], m[i], denom, value: momentumStep)
        }
        state.buffers = [m, v]
    }
}
