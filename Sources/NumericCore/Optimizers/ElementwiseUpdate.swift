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

    var isEmpty: Bool { buffers.isEmpty }

    /// Makes `count` buffers of `size` elements filled with `initial` on the first step; checks the size after.
    mutating func prepare(count: Int, size: Int, initial: S = 0) {
        if buffers.isEmpty { buffers = Array(repeating: [S](repeating: initial, count: size), count: count) }
    }
}
