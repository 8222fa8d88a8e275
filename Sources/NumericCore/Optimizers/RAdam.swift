import Foundation

/// RAdam — torch's `optim.RAdam`, single-tensor path (`_single_tensor_radam`), per element (docs/parity.md §5.3):
///
///     weight decay as NAdam;  m ← lerp(m, g, 1 − β1);  v ← fma((1 − β2) ⊗ g, g, v ⊗ β2);  m̂ ← m ⊘ f32(1 − β1^t)
///     ρ∞ = 2/(1 − β2) − 1,  ρ_t = ρ∞ − 2t·β2^t / (1 − β2^t)                        (binary64)
///     ρ_t > 5: r = ((ρ_t − 4)(ρ_t − 2)ρ∞ / ((ρ∞ − 4)(ρ∞ − 2)ρ_t))^½;  A = (1 ⊘ (sqrt(v) ⊕ eps)) ⊗ f32((1 − β2^t)^½)
///              p ← p ⊖ (((m̂ ⊗ lr) ⊗ A) ⊗ f32(r))
///     else     p ← p ⊖ (m̂ ⊗ lr)
public struct RAdam: BufferedOptimizer {
    public var lr: Double
    public var beta1: Double
    public let beta2: Double
    public let eps: Double
    public let weightDecay: Double
    public let decoupledWeightDecay: Bool

    var state = OptimizerBuffers<Float>()
    var state64 = OptimizerBuffers<Double>()

    public init(lr: Double = 1e-3, betas: (Double, Double) = (0.9, 0.999), eps: Double = 1e-8, weightDecay: Double = 0,
                decoupledWeightDecay: Bool = false) throws(OptimizerError) {
        guard lr >= 0 else { throw .invalidLearningRate(lr) }
        guard eps >= 0 else { throw .invalidEpsilon(eps) }
        guard betas.0 >= 0, betas.0 < 1 else { throw .invalidBeta(index: 0, value: betas.0) }
        guard betas.1 >= 0, betas.1 < 1 else { throw .invalidBeta(index: 1, value: betas.1) }
        guard weightDecay >= 0 else { throw .invalidWeightDecay(weightDecay) }
        (self.lr, self.beta1, self.beta2, self.eps) = (lr, betas.0, betas.1, eps)
        (self.weightDecay, self.decoupledWeightDecay) = (weightDecay, decoupledWeightDecay)
    }

    public var scheduledMomentum: Double {
        get { beta1 }
        set { beta1 = newValue }
    }

    func update<S: OptimizerScalar>(_ p: inout [S], _ g: [S], _ state: inout OptimizerBuffers<S>) {
        state.prepare(count: 2, size: p.count)
        state.step += 1
        let t = state.step
        let bc1 = 1 - pow(beta1, t), bc2 = 1 - pow(beta2, t)
        let rhoInf = 2 / (1 - beta2) - 1
        let rhoT = rhoInf - 2 * t * pow(beta2, t) / bc2
        let rectified = rhoT > 5
        let rect = rectified ? pow((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT), 0.5) : 0
        let (lambda, shrink, w, b2, oneMinusB2) = (S(weightDecay), S(1 - lr * weightDecay), S(1 - beta1), S(beta2), S(1 - beta2))
        let (bias1, rate, epsilon, bc2Root, r) = (S(bc1), S(lr), S(eps), S(pow(bc2, 0.5)), S(rect))
        let h = (decay: weightDecay != 0, decoupled: decoupledWeightDecay, lambda: lambda, shrink: shrink, w: w, b2: b2,
                 oneMinusB2: oneMinusB2)
        var (m, v) = (state.buffers[0], state.buffers[1])
        state.buffers = []
        for i in p.indices {
            _ = ElementwiseUpdate.adamMoments(&p[i], g[i], &m[i], &v[i], h)
            let corrected = m[i] / bias1
            if rectified {
                let adaptive = (1 / (v[i].tensorSquareRoot() + epsilon)) * bc2Root
                p[i] = p[i] - ((corrected * rate) * adaptive) * r
            } else {
                p[i] = p[i] - corrected * rate
            }
        }
        state.buffers = [m, v]
    }
}
