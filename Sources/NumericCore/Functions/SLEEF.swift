/// The SLEEF single-precision functions torch's vectorised CPU kernels call (`Sleef_expf8_u10`,
/// `Sleef_logf8_u10`, `Sleef_tanhf8_u10`, `Sleef_expm1f8_u10`), op for op as SLEEF's FMA builds compute them (AVX2 and AVX-512 give the same bits):
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

    @inline(__always) private static func add2(_ x: DF, _ y: Float) -> DF {               // dfadd2_vf2_vf2_vf
        let rx = x.hi + y, v = rx - x.hi
        return (rx, ((x.hi - (rx - v)) + (y - v)) + x.lo)
    }

    @inline(__always) private static func add2(_ x: DF, _ y: DF) -> DF {                  // dfadd2_vf2_vf2_vf2
        let rx = x.hi + y.hi, v = rx - x.hi
        return (rx, ((x.hi - (rx - v)) + (y.hi - v)) + (x.lo + y.lo))
    }

    @inline(__always) private static func add(_ x: Float, _ y: DF) -> DF {              // dfadd_vf2_vf_vf2
        let rx = x + y.hi
        return (rx, ((x - rx) + y.hi) + y.lo)
    }

    @inline(__always) private static func mul(_ x: DF, _ y: DF) -> DF {                  // dfmul_vf2_vf2_vf2
        let rx = x.hi * y.hi
        return (rx, (-rx).addingProduct(x.hi, y.hi).addingProduct(x.lo, y.hi).addingProduct(x.hi, y.lo))
    }

    @inline(__always) private static func square(_ x: DF) -> DF {                        // dfsqu_vf2_vf2
        let rx = x.hi * x.hi
        return (rx, (-rx).addingProduct(x.hi, x.hi).addingProduct(x.hi + x.hi, x.lo))
    }

    @inline(__always) private static func reciprocal(_ d: DF) -> DF {                    // dfrec_vf2_vf2
        let qx = 1 / d.hi
        return (qx, qx * Float(1).addingProduct(-d.hi, qx).addingProduct(-d.lo, qx))
    }

    /// `expk2f`: e^(d.hi + d.lo) as a double-float (below −104 → 0).
    @inline(__always)
    private static func expk2(_ d: DF) -> DF {
        let q = rint((d.hi + d.lo) * rLn2)
        let qf = Float(q)
        var s = add2(d, qf * -l2U)
        s = add2(s, qf * -l2L)
        var u: Float = 0.1980960224e-3
        u = Float(0.1394256484e-2).addingProduct(u, s.hi)
        u = Float(0.8333456703e-2).addingProduct(u, s.hi)
        u = Float(0.4166637361e-1).addingProduct(u, s.hi)
        var t = add2(mul(s, u), Float(0.166666659414234244790680580464))
        t = add2(mul(s, t), Float(0.5))
        t = add2(s, mul(square(s), t))
        t = add(1, t)
        if d.hi < -104 { return (0, 0) }
        return (ldexp2(t.hi, q), ldexp2(t.lo, q))
    }

    /// `tanhf_u10` (xtanhf): |x| > 8.664339742 or a NaN intermediate → ±1; NaN → NaN.
    @inline(__always)
    static func tanh(_ x: Float) -> Float {
        let a = abs(x)
        var d = expk2((a, 0))
        let e = reciprocal(d)
        d = div(add(d, (-e.hi, -e.lo)), add(d, e))
        var y = d.hi + d.lo
        if a > 8.664339742 || y.isNaN { y = 1 }
        y = Float(signOf: x, magnitudeOf: y)
        return x.isNaN ? x : y
    }

    /// `expm1f_u10` (xexpm1f): above 88.72283 → +∞, below −16.635532 → −1, −0 → −0.
    @inline(__always)
    static func expm1(_ a: Float) -> Float {
        let d = add2(expk2((a, 0)), Float(-1))
        var x = d.hi + d.lo
        if a > 88.72283172607421875 { x = .infinity }
        if a < -16.635532333438687426013570 { x = -1 }
        if a == 0, a.sign == .minus { x = -0.0 }
        return x
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
