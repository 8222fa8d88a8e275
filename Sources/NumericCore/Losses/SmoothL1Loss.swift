/// torch's `nn.SmoothL1Loss(beta)` (mean reduction) in float32 for β > 0 (β = 0 is `nn.L1Loss`, as
/// `F.smooth_l1_loss` does), ATen's `smooth_l1_kernel` and `smooth_l1_backward` with β₃₂ = f32(β), z = |x ⊖ y|
/// (docs/parity.md §4.3):
///
///     value  = cascade-sum(z < β₃₂ ? ((0.5 ⊗ z) ⊗ z) ⊘ β₃₂ : z ⊖ 0.5 ⊗ β₃₂) ⊘ f32(N)
///     d/dx, with norm = f32(1/N) and d = x ⊖ y, element-wise like an activation (`Activation.segments`):
///       vector blocks of 16:  norm ⊗ (|d| ≥ β₃₂ ? ±1 : d ⊘ β₃₂)              (±: +1 where d > 0, else −1)
///       the scalar tail:      d ≤ −β: −norm;  d ≥ β: norm;  else f32((norm ⊗ d) / β)
///                             — compared with, and divided by, the binary64 β, as the C++ tail does
enum SmoothL1Loss {
    static func value(x: UnsafePointer<Float>, y: UnsafePointer<Float>, count: Int, beta: Double) -> Float {
        let b = Float(beta)
        return CascadeSum.sum(count: count) { i in
            let z = abs(x[i] - y[i])
            return z < b ? ((0.5 * z) * z) / b : z - 0.5 * b
        } / Float(count)
    }

    static func gradient(x: UnsafePointer<Float>, y: UnsafePointer<Float>, count: Int, beta: Double,
                         into g: UnsafeMutablePointer<Float>) {
        let norm = Float(1.0 / Double(count)), b32 = Float(beta)
        Activation.segments(count: count, threads: 1, grain: 32_768) { range, vector in
            for i in range {
                let d = x[i] - y[i]
                if vector {
                    g[i] = norm * (abs(d) >= b32 ? (d > 0 ? 1 : -1) : d / b32)
                } else if Double(d) <= -beta {
                    g[i] = -norm
                } else if Double(d) >= beta {
                    g[i] = norm
                } else {
                    g[i] = Float(Double(norm * d) / beta)
                }
            }
        }
    }
}
