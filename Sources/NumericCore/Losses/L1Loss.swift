/// torch's `nn.L1Loss()` (mean reduction) in float32 (docs/parity.md §4.3). `l1_loss` is a composite of
/// `(x − y).abs().mean()`, so autograd goes back through mean, abs and sub:
///
///     value     = cascade-sum(|x ⊖ y|) ⊘ f32(N)                       (`CascadeSum`)
///     d/dx      = (f32(1) ⊘ f32(N)) ⊗ sgn(x ⊖ y)   — ±1/N, and +0 where x = y
enum L1Loss {
    static func value(x: UnsafePointer<Float>, y: UnsafePointer<Float>, count: Int) -> Float {
        CascadeSum.sum(count: count) { abs(x[$0] - y[$0]) } / Float(count)
    }

    static func gradient(x: UnsafePointer<Float>, y: UnsafePointer<Float>, count: Int, into g: UnsafeMutablePointer<Float>) {
        let step = 1 / Float(count)
        for i in 0..<count {
            let d = x[i] - y[i]
            g[i] = d > 0 ? step : (d < 0 ? -step : 0)
        }
    }
}
