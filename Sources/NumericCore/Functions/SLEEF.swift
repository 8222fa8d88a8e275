/// The SLEEF single-precision functions torch's vectorised CPU kernels call (`Sleef_expf8_u10`,
/// `Sleef_logf8_u10`), op for op as SLEEF's FMA builds compute them (AVX2 and AVX-512 give the same bits):
/// every `addingProduct` is one fused multiply-add, every other operation one float32 rounding.
/// The formulas and constants are SLEEF's (sleefsimdsp.c); shared/parity/next/sleef_f32.py is the numpy model
/// they were checked against (900 000 inputs per function against libtorch_cpu's own entry points).
enum SLEEF {
    static let rLn2: Float = 1.442695040888963407359924681001892137426645954152985934135449406931
    static let l2U: Float = 0.693145751953125
    static let l2L: Float = 1.428606765330187045e-06

    /// `_mm256_cvtps_epi32`: round to nearest even; NaN and values out of Int32's range give Int32.min.
    @inline(__always)
    static func rint(_ x: Float) -> Int32 {
        let r = x.rounded(.toNearestOrEven)
        guard r.isFinite, r >= -2_147_483_648, r < 2_147_483_648 else { return .min }
        return Int32(r)
    }

    /// 2^q as float32, built in the exponent field: `(q + 0x7f) << 23` (wrapping, as the vector code).
    @inline(__always)
    static func pow2i(_ q: Int32) -> Float {
        Float(bitPattern: UInt32(bitPattern: (q &+ 0x7F) &<< 23))
    }

    /// `vldexp2`: d · 2^(e>>1) · 2^(e − (e>>1)), two multiplications.
    @inline(__always)
    static func ldexp2(_ d: Float, _ e: Int32) -> Float {
        let h = e >> 1
        return (d * pow2i(h)) * pow2i(e &- h)
    }

    /// `expf_u10` (xexpf): below −104 → 0, above 100 → +∞.
    @inline(__always)
    static func exp(_ d: Float) -> Float {
        let q = rint(d * rLn2)
        let qf = Float(q)
        var s = d.addingProduct(qf, -l2U)
        s = s.addingProduct(qf, -l2L)
        var u: Float = 0.000198527617612853646278381
        u = Float(0.00139304355252534151077271).addingProduct(u, s)
        u = Float(0.00833336077630519866943359).addingProduct(u, s)
        u = Float(0.0416664853692054748535156).addingProduct(u, s)
        u = Float(0.166666671633720397949219).addingProduct(u, s)
        u = Float(0.5).addingProduct(u, s)
        u = 1 + s.addingProduct(s * s, u)
        u = ldexp2(u, q)
        if d < -104 { u = 0 }
        if 100 < d { u = .infinity }
        return u
    }

    // MARK: double-float arithmetic (SLEEF's df* helpers, FMA variants); (hi, lo) pairs

    typealias DF = (hi: Float, lo: Float)

    @inline(__always) private static func add2(_ x: Float, _ y: Float) -> DF {          // dfadd2_vf2_vf_vf
        let rx = x + y, v = rx - x
        return (rx, (x - (rx - v)) + (y - v))
    }

    @inline(__always) private static func add(_ x: DF, _ y: DF) -> DF {                 // dfadd_vf2_vf2_vf2
        let rx = x.hi + y.hi
        return (rx, (((x.hi - rx) + y.hi) + x.lo) + y.lo)
    }

    @inline(__always) private static func add(_ x: DF, _ y: Float) -> DF {              // dfadd_vf2_vf2_vf
        let rx = x.hi + y
        return (rx, ((x.hi - rx) + y) + x.lo)
    }

    @inline(__always) private static func mul(_ x: DF, _ y: Float) -> DF {              // dfmul_vf2_vf2_vf
        let rx = x.hi * y
        return (rx, (-rx).addingProduct(x.hi, y).addingProduct(x.lo, y))
    }

    @inline(__always) private static func div(_ n: DF, _ d: DF) -> DF {                 // dfdiv_vf2_vf2_vf2
        let t = 1 / d.hi
        let qx = n.hi * t
        let u = (-qx).addingProduct(t, n.hi)
        var qy = Float(1).addingProduct(-d.hi, t).addingProduct(-d.lo, t)
        qy = u.addingProduct(n.lo, t).addingProduct(qx, qy)
        return (qx, qy)
    }

    /// `logf_u10` (xlogf_u1): 0 → −∞, +∞ → +∞, negative or NaN → NaN.
    @inline(__always)
    static func log(_ d0: Float) -> Float {
        let tiny = d0 < .leastNormalMagnitude   // 1.17549435e-38
        let d = tiny ? d0 * 0x1p64 : d0
        let dd = d * Float(1.0 / 0.75)
        var e = Int32((dd.bitPattern >> 23) & 0xFF) &- 0x7F                      // vilogb2k
        let m = Float(bitPattern: d.bitPattern &+ UInt32(bitPattern: (0 &- e) &<< 23))   // vldexp3(d, −e)
        if tiny { e &-= 64 }
        var s = mul((0.69314718246459960938, -1.904654323148236017e-09), Float(e))
        let x = div(add2(-1, m), add2(1, m))
        let x2 = x.hi * x.hi
        var t: Float = 0.3027294874
        t = Float(0.3996108174).addingProduct(t, x2)
        t = Float(0.6666694880).addingProduct(t, x2)
        s = add(s, (x.hi * 2, x.lo * 2))
        s = add(s, (x2 * x.hi) * t)
        var r = s.hi + s.lo
        if d0 == .infinity { r = .infinity }
        if d0 < 0 || d0.isNaN { r = .nan }
        if d0 == 0 { r = -.infinity }
        return r
    }
}
