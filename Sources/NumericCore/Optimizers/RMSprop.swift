/// RMSprop — torch's `optim.RMSprop`, single-tensor path (`_single_tensor_rmsprop`), per element
/// (docs/parity.md §5.3; ⊗ ⊕ ⊘ one float32 rounding each, scalars f32(·)):
///
///     g ← fma(λ, p, g)                                   if λ ≠ 0
///     v ← fma((1 − α) ⊗ g, g, v ⊗ α)                     square_avg.mul_(α).addcmul_(g, g, 1 − α)
///     centered: ḡ ← lerp(ḡ, g, 1 − α);  a ← sqrt(fma(−1 ⊗ ḡ, ḡ, v))   else a ← sqrt(v)
///     a ← a ⊕ eps
///     μ > 0: b ← (b ⊗ μ) ⊕ (g ⊘ a);  p ← fma(−lr, b, p)        else p ← p ⊕ ((−lr ⊗ g) ⊘ a)
///
/// `sqrt` is torch's tensor square root (MKL's, `MKLSquareRoot`: docs/parity.md §4.4).
public struct RMSprop: BufferedOptimizer {
    public var lr: Double
    public let alpha: Double
    public let eps: Double
    public let weightDecay: Double
    public var momentum: Double
    public let centered: Bool

    /// square_avg, grad_avg, momentum_buffer (float32 parameters; `state64` for float64).
    var state = OptimizerBuffers<Float>()
    var state64 = OptimizerBuffers<Double>()

    /// torch's defaults; throws for values `optim.RMSprop` rejects.
    public init(lr: Double = 1e-2, alpha: Double = 0.99, eps: Double = 1e-8, weightDecay: Double = 0,
                momentum: Double = 0, centered: Bool = false) throws(OptimizerError) {
        guard lr >= 0 else { throw .invalidLearningRate(lr) }
        guard eps >= 0 else { throw .invalidEpsilon(eps) }
        guard momentum >= 0 else { throw .invalidMomentum(momentum) }
        guard weightDecay >= 0 else { throw .invalidWeightDecay(weightDecay) }
        guard alpha >= 0 else { throw .invalidOption(name: "alpha", value: alpha) }
        (self.lr, self.alpha, self.eps, self.weightDecay, self.momentum, self.centered) =
            (lr, alpha, eps, weightDecay, momentum, centered)
    }

    public var scheduledMomentum: Double {
        get { momentum }
        set { momentum = newValue }
    }

    /// The momentum buffer (float32 parameters), nil before the first step or without momentum.
    public var momentumBuffer: [Float]? { state.isEmpty || momentum == 0 ? nil : state.buffers[2] }

    func update<S: OptimizerScalar>(_ p: inout [S], _ g: [S], _ state: inout OptimizerBuffers<S>) {
        state.prepare(count: 3, size: p.count)
        state.step += 1
        let (lambda, a, oneMinusA, epsilon, mu, negLR) = (S(weightDecay), S(alpha), S(1 - alpha), S(eps), S(momentum), S(-lr))
        var (v, ga, buf) = (state.buffers[0], state.buffers[1], state.buffers[2])
        state.buffers = []
        for i in p.indices {
            let grad = ElementwiseUpdate.decayed(g[i], p[i], lambda, weightDecay != 0)
            v[i] = ElementwiseUpdate.addcmul(v[i] * a, grad, grad, value: oneMinusA)
            var avg: S
            if centered {
                ga[i] = ElementwiseUpdate.lerp(ga[i], grad, weight: oneMinusA)
                avg = ElementwiseUpdate.addcmul(v[i], ga[i], ga[i], value: -1).tensorSquareRoot()
            } else {
                avg = v[i].tensorSquareRoot()
            }
            avg = avg + epsilon
            if momentum > 0 {
                buf[i] = ElementwiseUpdate.addcdiv(buf[i] * mu, grad, avg, value: 1)
                p[i] = p[i].addingProduct(negLR, buf[i])
            } else {
                p[i] = ElementwiseUpdate.addcdiv(p[i], grad, avg, value: negLR)
            }
        }
        state.buffers = [v, ga, buf]
    }
}
