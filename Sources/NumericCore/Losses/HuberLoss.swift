/// torch's `nn.HuberLoss(delta)` (mean reduction) in float32 (docs/parity.md §4.3), ATen's `huber_kernel` and
/// `huber_backward` with δ₃₂ = f32(δ), z = |x ⊖ y|:
///
///     value  = cascade-sum(z < δ₃₂ ? (0.5 ⊗ z) ⊗ z : δ₃₂ ⊗ (z ⊖ 0.5 ⊗ δ₃₂)) ⊘ f32(N)
///     d/dx, with norm = f32(1/N) and d = x ⊖ y, element-wise like an activation (`Activation.segments`):
///       vector blocks of 16:  norm ⊗ (|d| ≥ δ₃₂ ? ±1 ⊗ δ₃₂ : d)            (±: +1 where d > 0, else −1)
///       the scalar tail:      d ≤ −δ: f32((−norm) · δ);  d ≥ δ: f32(norm · δ);  else norm ⊗ d
///                             — compared with, and multiplied by, the binary64 δ, as the C++ tail does
enum HuberLoss {
    static func value(x: UnsafePointer<Float>, y: UnsafePointer<Float>, count: Int, delta: Double) -> Float {
        let d = Float(delta)
        return CascadeSum.sum(count: count) { i in
            let z = abs(x[i] - y[i])
            return z < d ? (0.5 * z) * z : d * (z - 0.5 * d)
        } / Float(count)
    }

    static func gradient(x: UnsafePointer<Float>, y: UnsafePointer<Float>, count: Int, delta: Double,
                         into g: UnsafeMutablePointer<Float>) {
        let norm = Float(1.0 / Double(count)), d32 = Float(delta)
        Activation.segments(count: count, threads: 1, grain: 32_768) { range, vector in
            for i in range {
                let d = x[i] - y[i]
                if vector {
                    g[i] = norm * (abs(d) >= d32 ? (d > 0 ? 1 : -1) * d32 : d)
                } else if Double(d) <= -delta {
                    g[i] = Float(Double(-norm) * delta)
                } else if Double(d) >= delta {
                    g[i] = Float(Double(norm) * delta)
                } else {
                    g[i] = norm * d
                }
            }
        }
    }
}
