/// `SLEEF.exp` and `SLEEF.log` on eight floats at once: the same operations as the one-float functions, lane by
/// lane (each `addingProduct` one fused multiply-add, every other operation one float32 rounding, the same constants
/// and the same special cases), so every lane's bits are the one-float function's. For code that has eight
/// independent values at hand (the log-softmax of eight rows: `CrossEntropyLoss`).
extension SLEEF {
    typealias Lanes = SIMD8<Float>

    /// 1.5 · 2²³: a float whose low mantissa bits hold an integer added to it, for |integer| < 2²².
    static let magic = Lanes(repeating: 0x1.8p23)

    /// `Float(q)` lane by lane for |q| < 2²², exactly: the integer put in `magic`'s low bits, then `magic` taken away
    /// (the generic conversion of `SIMD8` goes lane by lane through a generic routine, a third of the function's time).
    @inline(__always)
    static func float(_ q: SIMD8<Int32>) -> Lanes {
        unsafeBitCast(unsafeBitCast(magic, to: SIMD8<Int32>.self) &+ q, to: Lanes.self) - magic
    }

    /// `pow2i` lane by lane: 2^q built in the exponent field, wrapping.
    @inline(__always)
    static func pow2i(_ q: SIMD8<Int32>) -> Lanes {
        unsafeBitCast((q &+ 0x7F) &<< 23, to: Lanes.self)
    }

    /// `ldexp2` lane by lane.
    @inline(__always)
    static func ldexp2(_ d: Lanes, _ e: SIMD8<Int32>) -> Lanes {
        let h = e &>> 1
        return (d * pow2i(h)) * pow2i(e &- h)
    }

    /// `exp(_:)` of each lane.
    @inline(__always)
    static func exp(_ d: Lanes) -> Lanes {
        // `rint(d · 1/ln 2)` as the one-float code takes it, for |d| ≤ 104 (|q| ≤ 151): adding `magic` rounds to the
        // nearest integer, ties to even, and leaves it in the low bits. Beyond ±104 the result is 0 or +∞ whatever q
        // is, and a NaN gives NaN whatever q is, so q is only read where the trick is exact.
        let y = d * rLn2 + magic
        let q = unsafeBitCast(y, to: SIMD8<Int32>.self) &- unsafeBitCast(magic, to: SIMD8<Int32>.self)
        let qf = y - magic
        var s = d.addingProduct(qf, Lanes(repeating: -l2U))
        s = s.addingProduct(qf, Lanes(repeating: -l2L))
        var u = Lanes(repeating: 0.000198527617612853646278381)
        u = Lanes(repeating: 0.00139304355252534151077271).addingProduct(u, s)
        u = Lanes(repeating: 0.00833336077630519866943359).addingProduct(u, s)
        u = Lanes(repeating: 0.0416664853692054748535156).addingProduct(u, s)
        u = Lanes(repeating: 0.166666671633720397949219).addingProduct(u, s)
        u = Lanes(repeating: 0.5).addingProduct(u, s)
        u = 1 + s.addingProduct(s * s, u)
        u = ldexp2(u, q)
        u.replace(with: 0, where: d .< -104)
        u.replace(with: .infinity, where: d .> 100)
        return u
    }

    /// `log(_:)` of each lane; the double-float steps written out (`mul`, `add2`, `div`, `add` of the one-float code).
    @inline(__always)
    static func log(_ d0: Lanes) -> Lanes {
        let tiny = d0 .< .leastNormalMagnitude
        let d = d0.replacing(with: d0 * 0x1p64, where: tiny)
        let dd = d * Float(1.0 / 0.75)
        let ddBits = unsafeBitCast(dd, to: SIMD8<UInt32>.self)
        var e = SIMD8<Int32>(truncatingIfNeeded: (ddBits &>> 23) & 0xFF) &- 0x7F               // vilogb2k
        let dBits = unsafeBitCast(d, to: SIMD8<UInt32>.self)
        let m = unsafeBitCast(dBits &+ SIMD8<UInt32>(truncatingIfNeeded: (0 &- e) &<< 23), to: Lanes.self)   // vldexp3(d, −e)
        e.replace(with: e &- 64, where: tiny)
        // s = mul((ln 2 high, ln 2 low), e)
        let ef = float(e)
        let lnHi = Lanes(repeating: 0.69314718246459960938), lnLo = Lanes(repeating: -1.904654323148236017e-09)
        var sHi = lnHi * ef
        var sLo = (-sHi).addingProduct(lnHi, ef).addingProduct(lnLo, ef)
        // x = div(add2(−1, m), add2(1, m))
        let one = Lanes(repeating: 1)
        let nHi = -one + m, nV = nHi - (-one)
        let nLo = (-one - (nHi - nV)) + (m - nV)
        let dHi = one + m, dV = dHi - one
        let dLo = (one - (dHi - dV)) + (m - dV)
        let t0 = 1 / dHi
        let xHi = nHi * t0
        let u0 = (-xHi).addingProduct(t0, nHi)
        var qy = one.addingProduct(-dHi, t0).addingProduct(-dLo, t0)
        qy = u0.addingProduct(nLo, t0).addingProduct(xHi, qy)
        let xLo = qy
        let x2 = xHi * xHi
        var t = Lanes(repeating: 0.3027294874)
        t = Lanes(repeating: 0.3996108174).addingProduct(t, x2)
        t = Lanes(repeating: 0.6666694880).addingProduct(t, x2)
        // s = add(s, (2 x.hi, 2 x.lo)): dfadd_vf2_vf2_vf2
        let yHi = xHi * 2, yLo = xLo * 2
        var rx = sHi + yHi
        sLo = (((sHi - rx) + yHi) + sLo) + yLo
        sHi = rx
        // s = add(s, (x2 · x.hi) · t): dfadd_vf2_vf2_vf
        let z = (x2 * xHi) * t
        rx = sHi + z
        sLo = ((sHi - rx) + z) + sLo
        sHi = rx
        var r = sHi + sLo
        r.replace(with: .infinity, where: d0 .== .infinity)
        r.replace(with: .nan, where: (d0 .< 0) .| (d0 .!= d0))
        r.replace(with: -.infinity, where: d0 .== 0)
        return r
    }
}
