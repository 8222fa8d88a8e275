/// torch's `nn.LayerNorm(C, eps, elementwise_affine)` over the features of a contiguous float32 [N, C] batch
/// (ATen's CPU kernels, AVX2; docs/parity.md §4.6). Each row is normalised with its own statistics, so train and
/// eval mode compute the same. ⊙ marks the operations the compiler fuses.
///
///     mean, var = RowwiseMoments(row)                  (Welford, float32)
///     rstd      = f32(1) ⊘ sqrt_f32(var ⊕ f32(eps))
///     y         = fma((x ⊖ mean) ⊗ rstd, γ, β)          (no affine: (x ⊖ mean) ⊗ rstd)
///
///     backward, per row (a = rstd, 1/N in float32):
///       dγ += dy ⊗ fma(a, x, −a ⊗ mean) (fused into the sum),  dβ += dy       per thread, rows in order;
///                                                          the threads' sums added in float32
///       ds = Σ (dy ⊗ x) ⊗ γ,  db = Σ dy ⊗ γ               8 lanes (`rowSums`), lane sums combined pairwise
///                                                          (no affine: Σ dy ⊗ x and Σ dy)
///       b  = (((fma(db, mean, −ds) ⊗ a) ⊗ a) ⊗ a) ⊗ (1/N)
///       c  = fma(−b, mean, −((db ⊗ a) ⊗ (1/N)))
///       dx = fma(b, x, (a ⊗ dy) ⊗ γ) ⊕ c                    (no affine: fma(b, x, a ⊗ dy) ⊕ c)
///
/// `threads` is torch's thread count T: dγ and dβ are summed per worker thread (rows split as `at::parallel_for`
/// splits them), so they depend on it; the forward pass and dx do not.
public struct LayerNorm: Sendable, Hashable {
    public let features: Int
    public let eps: Double
    /// `elementwise_affine`: a learnable weight γ (ones) and bias β (zeros) per feature.
    public let affine: Bool
    public let threads: Int

    public init(features: Int, eps: Double = 1e-5, affine: Bool = true, threads: Int = 1) throws(ModelError) {
        guard features >= 1 else { throw .invalidSizes([features]) }
        guard eps > 0, eps.isFinite else { throw .invalidOption(name: "eps", value: eps, rule: "must be positive") }
        guard threads >= 1 else { throw .invalidOption(name: "threads", value: Double(threads), rule: "must be at least 1") }
        self.features = features
        self.eps = eps
        self.affine = affine
        self.threads = threads
    }

    /// What the forward pass keeps for the backward: each row's mean and rstd.
    public struct Saved: Sendable, Equatable {
        public var mean: [Float]
        public var rstd: [Float]
    }

    /// The output for `x` [rows, features] with weight γ and bias β (ignored unless affine).
    public func forward(_ x: Tensor, weight: [Float], bias: [Float]) throws(ModelError) -> (output: Tensor, saved: Saved) {
        try check(x, weight, bias)
        var y = Tensor(rows: x.rows, cols: features)
        var saved = Saved(mean: [Float](repeating: 0, count: x.rows), rstd: [Float](repeating: 0, count: x.rows))
        x.scalars.withUnsafeBufferPointer { xp in
            y.scalars.withUnsafeMutableBufferPointer { yp in
                weight.withUnsafeBufferPointer { wp in
                    bias.withUnsafeBufferPointer { bp in
                        saved.mean.withUnsafeMutableBufferPointer { mp in
                            saved.rstd.withUnsafeMutableBufferPointer { rp in
                                forward(x: xp.baseAddress!, rows: x.rows, weight: affine ? wp.baseAddress : nil,
                                        bias: affine ? bp.baseAddress : nil, y: yp.baseAddress!,
                                        mean: mp.baseAddress!, rstd: rp.baseAddress!)
                            }
                        }
                    }
                }
            }
        }
        return (y, saved)
    }

    /// The gradients for the upstream gradient `dy` at input `x`: (dx, dγ, dβ); dγ and dβ are empty unless affine.
    public func backward(input x: Tensor, outputGradient dy: Tensor, weight: [Float], saved: Saved) throws(ModelError)
        -> (input: Tensor, weight: [Float], bias: [Float]) {
        try check(x, weight, weight)
        guard dy.rows == x.rows, dy.cols == features else {
            throw .gradientShape(expected: [x.rows, features], got: [dy.rows, dy.cols])
        }
        var dx = Tensor(rows: x.rows, cols: features)
        var dw = [Float](repeating: 0, count: affine ? features : 0), db = dw
        dy.scalars.withUnsafeBufferPointer { gp in
            x.scalars.withUnsafeBufferPointer { xp in
                dx.scalars.withUnsafeMutableBufferPointer { dxp in
                    weight.withUnsafeBufferPointer { wp in
                        dw.withUnsafeMutableBufferPointer { dwp in
                            db.withUnsafeMutableBufferPointer { dbp in
                                saved.mean.withUnsafeBufferPointer { mp in
                                    saved.rstd.withUnsafeBufferPointer { rp in
                                        backward(dy: gp.baseAddress!, x: xp.baseAddress!, rows: x.rows,
                                                 weight: affine ? wp.baseAddress : nil, mean: mp.baseAddress!,
                                                 rstd: rp.baseAddress!, dx: dxp.baseAddress!,
                                                 dWeight: affine ? dwp.baseAddress : nil,
                                                 dBias: affine ? dbp.baseAddress : nil)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return (dx, dw, db)
    }

    private func check(_ x: Tensor, _ weight: [Float], _ bias: [Float]) throws(ModelError) {
        guard x.cols == features else { throw .inputWidth(expected: features, got: x.cols) }
        if affine {
            guard weight.count == features else { throw .parameterSize(name: "weight", expected: [features], count: weight.count) }
            guard bias.count == features else { throw .parameterSize(name: "bias", expected: [features], count: bias.count) }
        }
    }
}

// MARK: - Kernels on raw buffers (used by the model without allocating)

extension LayerNorm {
    /// `weight` and `bias` nil: no affine transform.
    func forward(x: UnsafePointer<Float>, rows: Int, weight: UnsafePointer<Float>?, bias: UnsafePointer<Float>?,
                 y: UnsafeMutablePointer<Float>, mean: UnsafeMutablePointer<Float>, rstd: UnsafeMutablePointer<Float>) {
        let c = features, e = Float(eps)
        for r in 0..<rows {
            let xr = x + r &* c, yr = y + r &* c
            let (mu, variance) = RowwiseMoments.of(xr, count: c)
            let a = 1 / (variance + e).squareRoot()
            mean[r] = mu
            rstd[r] = a
            if let weight, let bias {
                for j in 0..<c { yr[j] = bias[j].addingProduct((xr[j] - mu) * a, weight[j]) }
            } else {
                for j in 0..<c { yr[j] = (xr[j] - mu) * a }
            }
        }
    }

    /// `dx` may be `dy` itself (a row's dy is read whole before its dx is written). `dWeight`, `dBias` and
    /// `weight` are nil without affine.
    func backward(dy: UnsafePointer<Float>, x: UnsafePointer<Float>, rows: Int, weight: UnsafePointer<Float>?,
                  mean: UnsafePointer<Float>, rstd: UnsafePointer<Float>, dx: UnsafeMutablePointer<Float>,
                  dWeight: UnsafeMutablePointer<Float>?, dBias: UnsafeMutablePointer<Float>?) {
        let c = features
        let scale = 1 / Float(c)
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 2 * c) { buffer in
            let partialW = buffer.baseAddress!, partialB = partialW + c
            if let dWeight, let dBias {
                dWeight.update(repeating: 0, count: c)
                dBias.update(repeating: 0, count: c)
            }
            for range in BatchNorm1d.chunks(rows: rows, threads: threads) {
                partialW.update(repeating: 0, count: 2 * c)
                for r in range {
                    let g = dy + r &* c, xr = x + r &* c, out = dx + r &* c
                    let a = rstd[r], mu = mean[r]
                    if weight != nil {
                        let shift = -a * mu
                        for j in 0..<c {
                            partialW[j] = partialW[j].addingProduct(g[j], shift.addingProduct(a, xr[j]))
                            partialB[j] += g[j]
                        }
                    }
                    let (ds, db) = Self.rowSums(g, xr, weight, count: c)
                    let b = ((((-ds).addingProduct(db, mu) * a) * a) * a) * scale
                    let cc = (-((db * a) * scale)).addingProduct(-b, mu)
                    if let weight {
                        for j in 0..<c { out[j] = ((a * g[j]) * weight[j]).addingProduct(b, xr[j]) + cc }
                    } else {
                        for j in 0..<c { out[j] = (a * g[j]).addingProduct(b, xr[j]) + cc }
                    }
                }
                if let dWeight, let dBias {
                    for j in 0..<c {
                        dWeight[j] += partialW[j]
                        dBias[j] += partialB[j]
                    }
                }
            }
        }
    }

    /// ds = Σ dy·x·γ and db = Σ dy·γ over one row as ATen's `map*_reduce_all` computes them on 8 lanes: the first
    /// vector's terms, then each whole vector's terms added lane by lane (`acc ⊕ (dy ⊗ x) ⊗ γ`, `acc ⊕ dy ⊗ γ`), a
    /// partial last vector's terms fused into its lanes (`fma(dy ⊗ x, γ, acc)`, `fma(dy, γ, acc)`: the compiler
    /// contracts that one statement and not the loop's); the lanes are then summed
    /// ((l0 + l4) + (l2 + l6)) + ((l1 + l5) + (l3 + l7)). Rows shorter than 8 are summed left to right. Without γ:
    /// ds = Σ dy·x (the partial vector fused as `fma(dy, x, acc)`), db = Σ dy. Which steps are fused was found by
    /// testing the candidates against torch (docs/parity.md §4.6).
    static func rowSums(_ g: UnsafePointer<Float>, _ x: UnsafePointer<Float>, _ weight: UnsafePointer<Float>?,
                        count c: Int) -> (ds: Float, db: Float) {
        let lanes = 8
        // term k of each sum, alone; added to an accumulator in a whole vector; fused into it in the partial one.
        func dsTerm(_ k: Int) -> Float { weight.map { (g[k] * x[k]) * $0[k] } ?? g[k] * x[k] }
        func dbTerm(_ k: Int) -> Float { weight.map { g[k] * $0[k] } ?? g[k] }
        func dsFused(_ acc: Float, _ k: Int) -> Float {
            weight.map { acc.addingProduct(g[k] * x[k], $0[k]) } ?? acc.addingProduct(g[k], x[k])
        }
        func dbFused(_ acc: Float, _ k: Int) -> Float { weight.map { acc.addingProduct(g[k], $0[k]) } ?? acc + g[k] }
        if c < lanes {
            var ds = dsTerm(0), db = dbTerm(0)
            for k in 1..<c { ds += dsTerm(k); db += dbTerm(k) }
            return (ds, db)
        }
        // The 8 lanes as registers, not arrays: this runs once per row of every batch.
        var ds = SIMD8<Float>(), db = SIMD8<Float>()
        for l in 0..<lanes { (ds[l], db[l]) = (dsTerm(l), dbTerm(l)) }
        var start = lanes
        while start + lanes <= c {
            for l in 0..<lanes {
                ds[l] = ds[l] + dsTerm(start + l)
                db[l] = db[l] + dbTerm(start + l)
            }
            start += lanes
        }
        for l in 0..<(c - start) {
            ds[l] = dsFused(ds[l], start + l)
            db[l] = dbFused(db[l], start + l)
        }
        func horizontal(_ v: SIMD8<Float>) -> Float { ((v[0] + v[4]) + (v[2] + v[6])) + ((v[1] + v[5]) + (v[3] + v[7])) }
        return (horizontal(ds), horizontal(db))
    }
}
