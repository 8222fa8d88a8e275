/// torch's `nn.MSELoss()` (mean reduction) in float32: value Σ(x − y)²/N, gradient f32(2/N) ⊗ (x ⊖ y).
enum MSELoss {
    /// Σ (x ⊖ y)² / N. The squares are float32 as in torch; they are summed in binary64 and rounded once,
    /// since torch's own float32 reduction order is not reproducible (docs/parity.md §4.3) — this stays within an ulp of it.
    static func value(x: UnsafePointer<Float>, y: UnsafePointer<Float>, count: Int) -> Float {
        var sum = 0.0
        for i in 0..<count {
            let d = x[i] - y[i]
            sum += Double(d * d)
        }
        return Float(sum) / Float(count)
    }

    /// d/dx = f32(2.0 / N) ⊗ (x ⊖ y) — bitwise torch (docs/parity.md §4.3).
    static func gradient(x: UnsafePointer<Float>, y: UnsafePointer<Float>, count: Int, into g: UnsafeMutablePointer<Float>) {
        let scale = Float(2.0 / Double(count))
        for i in 0..<count { g[i] = scale * (x[i] - y[i]) }
    }
}
