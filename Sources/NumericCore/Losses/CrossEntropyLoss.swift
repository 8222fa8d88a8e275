/// torch's `nn.CrossEntropyLoss()` on float32 logits [B, C] and class-index targets (mean reduction, no class
/// weights, no label smoothing): `nll_loss(log_softmax(x, 1))`, CPU, verified bitwise against torch 2.15 with
/// its AVX2 kernels (L = 8 float lanes; AVX-512 machines use L = 16, which changes the sums for C ≥ 8).
///
///     m_b = max_j x_bj;  xm = x ⊖ m_b;  s_b = vsum_j expf_u10(xm_bj);  out = xm ⊖ logf_u10(s_b)   (SLEEF)
///     loss = cascade(−out[b, y_b]) ⊘ f32(B)            (ATen's nll_loss cascade sum, 8 levels of 16)
///     d/dx_bj = fma(−expf_u10(out_bj), g, [j = y_b]·g), g = −(f32(1) ⊘ f32(B))
///
/// vsum adds C < L values left to right; for C ≥ L it keeps L lane accumulators (full blocks of L, the
/// C mod L tail into lanes 0…), then folds them pairwise (a_k ⊕ a_k+4, then ⊕ k+2, then lane 0 ⊕ lane 1).
///
/// With `label_smoothing` ε > 0 torch adds a uniform term (LossNLL.cpp, `cross_entropy_loss_label_smoothing`) and
/// autograd differentiates both (`CascadeSum` is torch's float32 `sum()`):
///
///     loss = (nll ⊗ f32(1 − ε)) ⊕ ((cascade-sum_b(−cascade-sum_j out_bj) ⊘ f32(B)) ⊗ f32(ε/C))
///     G_bj = [j = y_b]·(−(f32(1 − ε) ⊘ f32(B))) ⊕ (−(f32(ε/C) ⊘ f32(B)))
///     d/dx_bj = fma(−expf_u10(out_bj), vsum_j G_bj, G_bj)
public enum CrossEntropyLoss {
    /// torch's float lanes on this machine kind (AVX2).
    public static let lanes = 8

    /// `torch.log_softmax(x, 1)` for `rows` rows of `classes` logits, into `out`.
    static func logSoftmax(x: UnsafePointer<Float>, rows: Int, classes c: Int, out: UnsafeMutablePointer<Float>) {
        var first = 0
        // With fewer classes than lanes a row's sum is a plain left-to-right one: eight rows then go at once, one per
        // lane of `SLEEF`'s eight-float functions, each lane doing exactly what the row-by-row loop below does.
        if c < lanes {
            while first + 8 <= rows {
                logSoftmax8(x: x + first &* c, classes: c, out: out + first &* c)
                first += 8
            }
        }
        for b in first..<rows {
            let xr = x + b &* c, o = out + b &* c
            var m = xr[0]
            for j in 1..<c where xr[j] > m || xr[j].isNaN { m = xr[j] }
            for j in 0..<c { o[j] = xr[j] - m }
            let s = laneSum(count: c) { SLEEF.exp(o[$0]) }
            let logS = SLEEF.log(s)
            for j in 0..<c { o[j] = o[j] - logS }
        }
    }

    /// `logSoftmax` of eight consecutive rows of fewer than `lanes` classes, row r in lane r.
    @inline(__always)
    private static func logSoftmax8(x: UnsafePointer<Float>, classes c: Int, out: UnsafeMutablePointer<Float>) {
        func column(_ p: UnsafePointer<Float>, _ j: Int) -> SIMD8<Float> {
            SIMD8(p[j], p[c &+ j], p[2 &* c &+ j], p[3 &* c &+ j], p[4 &* c &+ j], p[5 &* c &+ j], p[6 &* c &+ j], p[7 &* c &+ j])
        }
        func store(_ v: SIMD8<Float>, _ j: Int) {
            for r in 0..<8 { out[r &* c &+ j] = v[r] }
        }
        var m = column(x, 0)
        for j in 1..<c {
            let v = column(x, j)
            m.replace(with: v, where: (v .> m) .| (v .!= v))
        }
        var s = SIMD8<Float>()
        for j in 0..<c {
            let o = column(x, j) - m
            store(o, j)
            s = j == 0 ? SLEEF.exp(o) : s + SLEEF.exp(o)
        }
        let logS = SLEEF.log(s)
        for j in 0..<c { store(column(UnsafePointer(out), j) - logS, j) }
    }

    /// Σ_j v(j) in ATen's vectorised order with `lanes` lanes.
    @inline(__always)
    static func laneSum(count c: Int, _ v: (Int) -> Float) -> Float {
        let l = lanes
        if c < l {
            var acc = v(0)
            for j in 1..<c { acc += v(j) }
            return acc
        }
        var acc = SIMD8<Float>()
        for k in 0..<8 { acc[k] = v(k) }
        var d = l
        while d + l <= c {
            for k in 0..<8 { acc[k] += v(d + k) }
            d += l
        }
        for k in 0..<(c - d) { acc[k] += v(d + k) }
        let t = acc.lowHalf + acc.highHalf
        let u = t.lowHalf + t.highHalf
        return u[0] + u[1]
    }

    /// −Σ_b v(b) as ATen's `nll_loss` accumulates it: a cascade of 8 float32 partial sums, each level taking
    /// 16 of the one below.
    static func cascadeNegativeSum(count: Int, _ v: (Int) -> Float) -> Float {
        var p = [Float](repeating: 0, count: 8)
        for b in 0..<count {
            p[0] -= v(b)
            for j in 0..<7 {
                if b & (15 << (4 * j)) != 0 { break }
                p[j + 1] += p[j]
                p[j] = 0
            }
        }
        var s: Float = 0
        for value in p { s += value }
        return s
    }

    /// The mean loss; `targets` holds class indices in 0..<classes as floats.
    static func value(x: UnsafePointer<Float>, targets: UnsafePointer<Float>, rows: Int, classes c: Int,
                      labelSmoothing eps: Double = 0, scratch: UnsafeMutablePointer<Float>) -> Float {
        logSoftmax(x: x, rows: rows, classes: c, out: scratch)
        let nll = cascadeNegativeSum(count: rows) { scratch[$0 &* c &+ Int(targets[$0])] } / Float(rows)
        guard eps > 0 else { return nll }
        let smooth = CascadeSum.sum(count: rows) { b in -CascadeSum.sum(count: c) { scratch[b &* c &+ $0] } }
        return nll * Float(1 - eps) + (smooth / Float(rows)) * Float(eps / Double(c))
    }

    /// d loss / d logits for upstream gradient 1, into `g` (which may not alias `x`).
    static func gradient(x: UnsafePointer<Float>, targets: UnsafePointer<Float>, rows: Int, classes c: Int,
                         labelSmoothing eps: Double = 0, into g: UnsafeMutablePointer<Float>) {
        logSoftmax(x: x, rows: rows, classes: c, out: g)
        let target = -(Float(1 - eps) / Float(rows))
        let uniform: Float = eps > 0 ? -(Float(eps / Double(c)) / Float(rows)) : 0
        for b in 0..<rows {
            let y = Int(targets[b]), o = g + b &* c
            // Without smoothing sG_b = vsum_j G_bj has one non-zero term: `target` itself in any order.
            let rowSum = eps > 0 ? laneSum(count: c) { ($0 == y ? target : 0) + uniform } : target
            for j in 0..<c {
                o[j] = ((j == y ? target : 0) + uniform).addingProduct(-SLEEF.exp(o[j]), rowSum)
            }
        }
    }

    /// The mean loss of logits [B, C] against class indices (one per row).
    public static func value(logits: Tensor, targets: [Int], labelSmoothing: Double = 0) throws(LossError) -> Float {
        try check(logits, targets)
        let t = targets.map(Float.init)
        var scratch = [Float](repeating: 0, count: logits.scalars.count)
        return logits.scalars.withUnsafeBufferPointer { xp in
            t.withUnsafeBufferPointer { tp in
                scratch.withUnsafeMutableBufferPointer { sp in
                    value(x: xp.baseAddress!, targets: tp.baseAddress!, rows: logits.rows, classes: logits.cols,
                          labelSmoothing: labelSmoothing, scratch: sp.baseAddress!)
                }
            }
        }
    }

    /// d loss / d logits, shaped like the logits.
    public static func gradient(logits: Tensor, targets: [Int], labelSmoothing: Double = 0) throws(LossError) -> Tensor {
        try check(logits, targets)
        let t = targets.map(Float.init)
        var g = Tensor(rows: logits.rows, cols: logits.cols)
        logits.scalars.withUnsafeBufferPointer { xp in
            t.withUnsafeBufferPointer { tp in
                g.scalars.withUnsafeMutableBufferPointer { gp in
                    gradient(x: xp.baseAddress!, targets: tp.baseAddress!, rows: logits.rows, classes: logits.cols,
                             labelSmoothing: labelSmoothing, into: gp.baseAddress!)
                }
            }
        }
        return g
    }

    /// `torch.log_softmax(logits, 1)`.
    public static func logSoftmax(_ logits: Tensor) -> Tensor {
        var out = Tensor(rows: logits.rows, cols: logits.cols)
        guard logits.cols > 0 else { return out }
        logits.scalars.withUnsafeBufferPointer { xp in
            out.scalars.withUnsafeMutableBufferPointer { op in
                logSoftmax(x: xp.baseAddress!, rows: logits.rows, classes: logits.cols, out: op.baseAddress!)
            }
        }
        return out
    }

    static func check(_ logits: Tensor, _ targets: [Int]) throws(LossError) {
        guard logits.rows == targets.count else { throw .countMismatch(predictions: logits.rows, targets: targets.count) }
        guard logits.rows > 0, logits.cols > 0 else { throw .empty }
        if let bad = targets.first(where: { $0 < 0 || $0 >= logits.cols }) {
            throw .classOutOfRange(target: bad, classes: logits.cols)
        }
    }
}
