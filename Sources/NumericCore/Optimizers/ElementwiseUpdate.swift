/// The element-wise tensor operations torch's optimisers are written in, per element, as ATen computes them on
/// float32 (docs/parity.md §4.1; a Python float meets a float32 tensor as f32(scalar)):
///
///     x.add_(y, alpha=a)           fma(a, y, x)
///     x.addcmul_(a, b, value=v)    fma(v ⊗ a, b, x)
///     x.addcdiv_(a, b, value=v)    x ⊕ ((v ⊗ a) ⊘ b)          (not fused)
///     x.lerp_(y, w)                |w| < 0.5: fma(w, y ⊖ x, x), else fma(w ⊖ 1, y ⊖ x, y)
///
/// For float64 parameters the same formulas run in binary64 with unrounded scalars.
enum ElementwiseUpdate {
    @inline(__always)
    static func addcmul<S: OptimizerScalar>(_ x: S, _ a: S, _ b: S, value v: S) -> S { x.addingProduct(v * a, b) }

    @inline(__always)
    static func addcdiv<S: OptimizerScalar>(_ x: S, _ a: S, _ b: S, value v: S) -> S { x + (v * a) / b }

    @inline(__always)
    static func lerp<S: OptimizerScalar>(_ x: S, _ y: S, weight w: S) -> S {
        let d = y - x
        return abs(w) < 0.5 ? x.addingProduct(w, d) : y.addingProduct(w - 1, d)
    }

    /// `grad.add(param, alpha=λ)`: L2 weight decay folded into the gradient (nothing when λ = 0).
    @inline(__always)
    static func decayed<S: OptimizerScalar>(_ g: S, _ p: S, _ lambda: S, _ enabled: Bool) -> S {
        enabled ? g.addingProduct(lambda, p) : g
    }
}

/// An optimiser's per-element state buffers for float32 and float64 parameters, created at the first step.
struct OptimizerBuffers<S: OptimizerScalar>: Sendable {
    var buffers: [[S]] = []
    var step = 0.0
    /// A float32 0-dim state tensor, whatever the parameters' type (NAdam's `mu_product`).
    var product: Float = 1

    var isEmpty: Bool { buffers.isEmpty }

    /// Makes `count` buffers of `size` elements filled with `initial` on the first step; checks the size after.
    mutating func prepare(count: Int, size: Int, initial: S = 0) {
        if buffers.isEmpty { buffers = Array(repeating: [S](repeating: initial, count: size), count: count) }
    }
}

/// An optimiser whose whole state is per-element buffers (`OptimizerBuffers`): RMSprop, Adagrad, NAdam, RAdam,
/// Adamax. It writes one generic `update`; the two `step`s (float32, float64) and their checks come from here.
protocol BufferedOptimizer: Optimizer {
    var state: OptimizerBuffers<Float> { get set }
    var state64: OptimizerBuffers<Double> { get set }
    /// One `optimizer.step()`: creates the buffers on the first call, advances `state.step`.
    mutating func update<S: OptimizerScalar>(_ p: inout [S], _ g: [S], _ state: inout OptimizerBuffers<S>)
}

extension BufferedOptimizer {
    public mutating func step(parameters: inout [Float], gradients: [Float]) throws(OptimizerError) {
        try OptimizerError.check(parameters, gradients, stateCount: state.isEmpty ? nil : state.buffers[0].count)
        var s = state
        state = OptimizerBuffers()            // `s` owns the buffers: updated in place, no copy
        update(&parameters, gradients, &s)
        state = s
    }

    public mutating func step(parameters: inout [Double], gradients: [Double]) throws(OptimizerError) {
        try OptimizerError.check(parameters, gradients, stateCount: state64.isEmpty ? nil : state64.buffers[0].count)
        var s = state64
        state64 = OptimizerBuffers()
        update(&parameters, gradients, &s)
        state64 = s
    }
}

extension ElementwiseUpdate {
    /// torch's Adam-family start of a step: weight decay (decoupled: `p ⊗ f32(1 − lr·λ)`, else `g ← fma(λ, p, g)`),
    /// then `m ← lerp(m, g, 1 − β1)` and `v ← fma((1 − β2) ⊗ g, g, v ⊗ β2)`; returns the gradient used.
    @inline(__always)
    static func adamMoments<S: OptimizerScalar>(_ p: inout S, _ g: S, _ m: inout S, _ v: inout S,
                                               _ h: (decay: Bool, decoupled: Bool, lambda: S, shrink: S, w: S, b2: S, oneMinusB2: S)) -> S {
        var grad = g
        if h.decay { if h.decoupled { p = p * h.shrink } else { grad = grad.addingProduct(h.lambda, p) } }
        m = lerp(m, grad, weight: h.w)
        v = addcmul(v * h.b2, grad, grad, value: h.oneMinusB2)
        return grad
    }
}
