import Foundation

/// Gradient clipping between `backward()` and `optimizer.step()`, as `torch.nn.utils.clip_grad_norm_(params,
/// max_norm, norm_type)` (`foreach` on CPU) or `clip_grad_value_(params, clip_value)` compute it in float32
/// (docs/parity.md §5.4):
///
///     ‖g_i‖  = each parameter tensor's p-norm (`tensorNorm`)
///     total  = the p-norm of the vector [‖g_1‖, …, ‖g_K‖] (`tensorNorm` again)
///     coef   = min((f32(1) ⊘ (total ⊕ f32(1e-6))) ⊗ f32(max_norm), 1)     (`max_norm / t` is `t.reciprocal() * max_norm`)
///     g      = g ⊗ coef                                                   (always, also when coef is 1)
///
///     by value: g = min(max(g, f32(−c)), f32(c)), NaN kept
public enum GradientClipping: Sendable, Hashable {
    /// `normType` is p > 0 or `.infinity` (torch's `norm_type`, 2 by default).
    case norm(maxNorm: Double, normType: Double = 2)
    case value(Double)

    /// Clips `gradients` in place, tensor by tensor as `ranges` cut them; returns the total norm for `.norm`.
    @discardableResult
    public func apply(to gradients: inout [Float], tensors ranges: [Range<Int>]) -> Float? {
        switch self {
        case .norm(let maxNorm, let p):
            let norms = gradients.withUnsafeBufferPointer { g in
                ranges.map { r in Self.tensorNorm(count: r.count, p: p) { g[r.lowerBound &+ $0] } }
            }
            let total = Self.tensorNorm(count: norms.count, p: p) { norms[$0] }
            let coefficient = min((1 / (total + Float(1e-6))) * Float(maxNorm), 1)
            for i in gradients.indices { gradients[i] = gradients[i] * coefficient }
            return total
        case .value(let c):
            let (lo, hi) = (Float(-c), Float(c))
            for i in gradients.indices where !gradients[i].isNaN {
                gradients[i] = min(max(gradients[i], lo), hi)
            }
            return nil
        }
    }

    /// `torch.linalg.vector_norm(t)` of a contiguous float32 tensor (ATen's `norm_two_reduce_step` path, AVX2): 8
    /// lane sums `a_k ⊕ (v ⊗ v)` over the full blocks of 8, folded left to right (`a_0 ⊕ a_1 ⊕ … ⊕ a_7`); of the
    /// m = n mod 8 values left, the first 4·⌊m/4⌋ added as `s ⊕ (v ⊗ v)` and the rest as `fma(v, v, s)` (how the
    /// compiler built that scalar loop: 4 squares at once, added in order, then a fused remainder — found by testing
    /// against torch, 4 000 of 4 000 tensors), then the IEEE square root. A one-element tensor is `|v|`.
    static func tensorNorm(count n: Int, _ v: (Int) -> Float) -> Float {
        if n == 1 { return abs(v(0)) }
        var lanes = SIMD8<Float>()
        let full = n - n % 8
        var i = 0
        while i < full {
            for k in 0..<8 { lanes[k] = lanes[k] + v(i &+ k) * v(i &+ k) }
            i += 8
        }
        var s = lanes[0]
        for k in 1..<8 { s = s + lanes[k] }
        let paired = full + (n - full) / 4 * 4
        for j in full..<paired { s = s + v(j) * v(j) }
        for j in paired..<n { s = s.addingProduct(v(j), v(j)) }
        return s.squareRoot()
    }

    /// `torch.linalg.vector_norm(t, p)` of a contiguous float32 tensor with one thread: p = 2 as above; otherwise
    /// ATen's `binary_kernel_reduce` with its norm operations, element after element in order, in float32:
    ///
    ///     p = ∞:  max |v| (NaN wins)
    ///     p = 1:  s ⊕ |v|
    ///     else:   s ⊕ powf(|v|, f32(p)), then powf(s, f32(1) ⊘ f32(p))         (C `powf`)
    ///
    /// A one-element tensor is `|v|` for every p (torch's "reduction over a 1-D vector").
    static func tensorNorm(count n: Int, p: Double, _ v: (Int) -> Float) -> Float {
        if n == 1 { return abs(v(0)) }
        switch p {
        case 2:
            return tensorNorm(count: n, v)
        case .infinity:
            var m: Float = 0
            for i in 0..<n {
                let a = abs(v(i))
                if a.isNaN || m.isNaN { m = .nan } else { m = max(m, a) }
            }
            return m
        case 1:
            var s: Float = 0
            for i in 0..<n { s = s + abs(v(i)) }
            return s
        default:
            let q = Float(p)
            var s: Float = 0
            for i in 0..<n { s = s + powf(abs(v(i)), q) }
            return powf(s, 1 / q)
        }
    }
}
