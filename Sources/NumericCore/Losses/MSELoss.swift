/// torch's `nn.MSELoss()` (mean reduction) in float32: value Σ(x − y)²/N, gradient f32(2/N) ⊗ (x ⊖ y).
enum MSELoss {
    /// Σ (x ⊖ y)² / N: the float32 squares summed in the order of torch's `mean()` (ATen's cascade sum,
    /// `CascadeSum`, as the newer losses do; docs/parity.md §4.3), then divided by f32(N).
    static func value(x: UnsafePointer<Float>, y: UnsafePointer<Float>, count: Int) -> Float {
        CascadeSum.sum(count: count) { let d = x[$0] - y[$0]; return d * d } / Float(count)
    }

    /// d/dx = f32(2.0 / N) ⊗ (x ⊖ y) — bitwise torch (docs/parity.md §4.3).
    static func gradient(x: UnsafePointer<Float>, y: UnsafePointer<Float>, count: Int, into g: UnsafeMutablePointer<Float>) {
        let scale = Float(2.0 / Double(count))
        for i in 0..<count { g[i] = scale * (x[i] - y[i]) }
    }
}
