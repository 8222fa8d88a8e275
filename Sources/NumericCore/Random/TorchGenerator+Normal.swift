import Foundation

/// float32 `normal_(mean, std)` on torch's CPU generator (docs/parity.md §2.5). torch takes one of two paths:
///
/// - **16 or more elements** (contiguous float32, AVX2 build: `normal_fill_AVX2`): first one uniform per element,
///   `u = f32(draw & 0xFFFFFF)·2⁻²⁴`; then each block of 16 in place by Box–Muller over the pairs (j, j + 8):
///   `r = sqrt_f32(−2 ⊗ log(1 ⊖ u_j))`, `θ = f32(2π) ⊗ u_{j+8}`, values `fma(r ⊗ cos θ, std, mean)` and
///   `fma(r ⊗ sin θ, std, mean)`, with the Cephes `log` and `sincos` of `CephesAVX`. When the count is not a
///   multiple of 16, 16 fresh uniforms are drawn and their block overwrites the last 16 elements.
/// - **fewer than 16**: `normal_distribution<double>` per element, in binary64 with the C library: a cached value
///   from the previous pair if the generator holds one, else two 53-bit uniforms u1, u2 (each two draws),
///   `r = sqrt(−2·log1p(−u2))`, `θ = 2π·u1`, value `r·cos θ·std + mean` and `r·sin θ` kept for the next call;
///   then rounded to float32.
extension TorchGenerator {
    public mutating func normal(count: Int, mean: Double = 0, std: Double = 1) throws -> [Float] {
        guard count >= 0 else { throw DataError.invalidCount(name: "count", value: count, minimum: 0) }
        if count < 16 { return (0..<count).map { _ in Float(doubleNormal(mean: mean, std: std)) } }
        var out = (0..<count).map { _ in uniform24() }
        let (m, s) = (Float(mean), Float(std))
        var start = 0
        while start + 16 <= count {
            Self.boxMuller16(&out, at: start, mean: m, std: s)
            start += 16
        }
        if count % 16 != 0 {
            var tail = (0..<16).map { _ in uniform24() }
            Self.boxMuller16(&tail, at: 0, mean: m, std: s)
            out.replaceSubrange((count - 16)..<count, with: tail)
        }
        return out
    }

    /// `uniform_real_distribution<float>(0, 1)`: 24 bits of one draw.
    mutating func uniform24() -> Float { Float(next() & 0xFF_FFFF) * 0x1p-24 }

    /// `uniform_real_distribution<double>(0, 1)`: 53 bits of a 64-bit value (two draws).
    mutating func uniform53() -> Double { Double(random64() & (1 << 53 - 1)) * 0x1p-53 }

    /// One `normal_distribution<double>(mean, std)` draw, with torch's cached second value.
    mutating func doubleNormal(mean: Double, std: Double) -> Double {
        if let cached = nextDoubleNormal {
            nextDoubleNormal = nil
            return cached * std + mean
        }
        let u1 = uniform53(), u2 = uniform53()
        let r = (-2.0 * Foundation.log1p(-u2)).squareRoot()
        let theta = 2.0 * Double.pi * u1
        nextDoubleNormal = r * Foundation.sin(theta)
        return r * Foundation.cos(theta) * std + mean
    }

    /// `normal_fill_16_AVX2` on values[start ..< start + 16], which hold uniforms.
    static func boxMuller16(_ values: inout [Float], at start: Int, mean: Float, std: Float) {
        let twoPi = Float(2 * Double.pi)
        for j in start..<(start + 8) {
            let radius = (-2 * CephesAVX.log(1 - values[j])).squareRoot()
            let (sine, cosine) = CephesAVX.sincos(twoPi * values[j + 8])
            values[j] = mean.addingProduct(radius * cosine, std)
            values[j + 8] = mean.addingProduct(radius * sine, std)
        }
    }
}
