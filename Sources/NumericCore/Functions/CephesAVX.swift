/// The Cephes-derived float32 `log` and `sincos` of ATen's `avx_mathfun.h` (`log256_ps`, `sincos256_ps`), one
/// lane at a time, with the fused multiply-adds torch's AVX2 build contracts them into (docs/parity.md §2.5). torch
/// calls them only in `normal_` on float tensors of 16 or more elements; the results are not libm's.
enum CephesAVX {
    static let sqrtHalf: Float = 0.707106781186547524
    static let logP: [Float] = [7.0376836292E-2, -1.1514610310E-1, 1.1676998740E-1, -1.2420140846E-1,
                                1.4249322787E-1, -1.6668057665E-1, 2.0000714765E-1, -2.4999993993E-1,
                                3.3333331174E-1]
    static let logQ1: Float = -2.12194440e-4
    static let logQ2: Float = 0.693359375

    /// `log256_ps` for x > 0: x = m·2^e with m in [0.5, 1), folded to [√½, √2); then
    ///     y = ((p0·x + p1)·x + … + p8)·x  (fused chain, last product unfused)
    ///     y = fma(y, z, e·q1);  y = fma(z, −0.5, y);  log = fma(e, q2, x ⊕ y)      z = x ⊗ x
    static func log(_ value: Float) -> Float {
        let v = max(value, Float(bitPattern: 0x0080_0000))        // cut off subnormals
        let bits = v.bitPattern
        var e = Float(Int32(bitPattern: bits >> 23) - 0x7f) + 1
        var x = Float(bitPattern: (bits & ~UInt32(0x7f80_0000)) | Float(0.5).bitPattern)
        let below = x < sqrtHalf
        let tmp: Float = below ? x : 0
        x = x - 1
        if below { e = e - 1 }
        x = x + tmp
        let z = x * x
        var y = logP[0]
        for p in logP.dropFirst() { y = p.addingProduct(y, x) }
        y = y * x
        y = (e * logQ1).addingProduct(y, z)
        y = y.addingProduct(z, -0.5)
        x = x + y
        x = x.addingProduct(e, logQ2)
        return value <= 0 ? .nan : x
    }

    static let fourOverPi: Float = 1.27323954473516
    static let dp: (Float, Float, Float) = (-0.78515625, -2.4187564849853515625e-4, -3.77489497744594108e-8)
    static let sinP: (Float, Float, Float) = (-1.9515295891E-4, 8.3321608736E-3, -1.6666654611E-1)
    static let cosP: (Float, Float, Float) = (2.443315711809948E-005, -1.388731625493765E-003, 4.166664568298827E-002)

    /// `sincos256_ps`: octant j = (trunc(|x|·4/π) + 1) & ~1, x reduced by fused steps with DP1…DP3, then
    ///     cos poly: c = fma(fma(fma(c0, z, c1), z, c2) ⊗ z, z, −(z ⊗ 0.5)) ⊕ 1
    ///     sin poly: s = fma(fma(fma(s0, z, s1), z, s2) ⊗ z, x, x)
    /// chosen and signed by the octant.
    static func sincos(_ value: Float) -> (sin: Float, cos: Float) {
        var signSin = value.bitPattern & 0x8000_0000
        var x = Float(bitPattern: value.bitPattern & 0x7fff_ffff)
        let scaled = x * fourOverPi
        let j = (Int32(scaled) &+ 1) & ~1                       // cvttps: truncation
        let y = Float(j)
        let swapSign = UInt32(bitPattern: (j & 4) << 29)
        let sinPoly = (j & 2) == 0
        let signCos = UInt32(bitPattern: (~(j &- 2) & 4) << 29)
        signSin ^= swapSign
        x = x.addingProduct(y, dp.0)
        x = x.addingProduct(y, dp.1)
        x = x.addingProduct(y, dp.2)
        let z = x * x
        var c = cosP.1.addingProduct(cosP.0, z)
        c = cosP.2.addingProduct(c, z)
        c = c * z
        c = (-(z * 0.5)).addingProduct(c, z)
        c = c + 1
        var s = sinP.1.addingProduct(sinP.0, z)
        s = sinP.2.addingProduct(s, z)
        s = s * z
        s = x.addingProduct(s, x)
        let (sine, cosine) = sinPoly ? (s, c) : (c, s)
        return (Float(bitPattern: sine.bitPattern ^ signSin), Float(bitPattern: cosine.bitPattern ^ signCos))
    }
}
