/// torch's `sqrt` of a CPU tensor on the AVX-512 machine (docs/parity.md §4.4): ATen hands float32 and float64
/// tensors to MKL (`vsSqrt`, `vdSqrt`), whose roots are not the correctly rounded ones (about 0.6 % of float32 and
/// 0.8 % of float64 inputs differ) but refinements of the CPU's 14-bit reciprocal square-root estimate e:
///
///     float32:  x₀ = a ⊗ e,  √a = fma(fnmadd(x₀, x₀, a), 0.5 ⊗ e, x₀)                     (one Newton step)
///     float64:  g = a ⊗ e,  h = 0.5 ⊗ e,  r = fnmadd(g, h, 0.5),  g′ = fma(g, r, g),  h′ = fma(h, r, h),
///               √a = fma(fnmadd(g′, g′, a), h′, g′)                              (one Goldschmidt step, then Newton)
///
/// The tiniest inputs are scaled first (float32 below 2⁻⁶⁴ by 2⁶⁴, float64 below 2⁻⁹⁶⁰ by 2¹²⁸) and the root back
/// after, both exact, which keeps the residual from going subnormal; ±0 and +∞ are their own root, negatives give
/// NaN. `scripts/reference/sqrt_fixtures.py` compared this with torch on every non-negative float32 and on 20 million
/// float64 spread over every exponent (none differs); MKL's own thresholds for the scaling are not visible (for
/// float32 any from 2⁻⁹⁹ to 2⁻⁶³ gives the same roots).
/// The optimisers whose step takes a tensor's `sqrt()` (Adam, AdamW, NAdam, RAdam, RMSprop, Adagrad) call it
/// through `tensorSquareRoot()`.
enum MKLSquareRoot {
    @inline(__always)
    static func root(_ a: Float) -> Float {
        guard a > 0, a < .infinity else { return a < 0 ? .nan : a }
        if a < 0x1p-64 { return newton(a * 0x1p64) * 0x1p-32 }
        return newton(a)
    }

    @inline(__always)
    static func root(_ a: Double) -> Double {
        guard a > 0, a < .infinity else { return a < 0 ? .nan : a }
        if a < 0x1p-960 { return goldschmidt(a * 0x1p128) * 0x1p-64 }
        return goldschmidt(a)
    }

    /// `root` on eight lanes, branch-free: the same bits lane by lane (Adam's eight-lane step, on CPUs without
    /// AVX-512F).
    @inline(__always)
    static func root(_ a: SIMD8<Float>) -> SIMD8<Float> {
        let tiny = a .< 0x1p-64
        let x = a.replacing(with: a * 0x1p64, where: tiny)
        let e = Rsqrt14Estimate.estimate(x)
        let x0 = x * e
        let residual = x.addingProduct(-x0, x0)
        var root = x0.addingProduct(residual, 0.5 * e)
        root = root.replacing(with: root * 0x1p-32, where: tiny)
        root = root.replacing(with: a, where: (a .== 0) .| (a .== .infinity) .| (a .!= a))   // ±0, +∞, NaN
        return root.replacing(with: .nan, where: a .< 0)
    }

    @inline(__always)
    private static func newton(_ a: Float) -> Float {
        let e = Rsqrt14Estimate.estimate(a)
        let x0 = a * e
        let residual = a.addingProduct(-x0, x0)              // fnmadd(x₀, x₀, a): a − x₀², one rounding
        return x0.addingProduct(residual, 0.5 * e)
    }

    @inline(__always)
    private static func goldschmidt(_ a: Double) -> Double {
        let e = Rsqrt14Estimate.estimate(a)
        var g = a * e, h = 0.5 * e
        let r = Double(0.5).addingProduct(-g, h)
        g = g.addingProduct(g, r)
        h = h.addingProduct(h, r)
        return g.addingProduct(a.addingProduct(-g, g), h)
    }
}

extension BinaryFloatingPoint {
    /// `tensor.sqrt()` as torch computes it on CPU for this element type (`MKLSquareRoot`).
    @inline(__always)
    public func tensorSquareRoot() -> Self {
        if Self.self == Float.self { return unsafeBitCast(MKLSquareRoot.root(unsafeBitCast(self, to: Float.self)), to: Self.self) }
        if Self.self == Double.self { return unsafeBitCast(MKLSquareRoot.root(unsafeBitCast(self, to: Double.self)), to: Self.self) }
        return squareRoot()
    }
}
