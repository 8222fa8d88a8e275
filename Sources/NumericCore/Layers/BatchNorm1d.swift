/// torch's `nn.BatchNorm1d(C)` on a contiguous float32 [N, C] batch (CPU, verified bitwise against torch 2.15).
///
/// A 2-D input takes ATen's channels-last kernels: two passes (not Welford), one float32 partial sum per
/// worker thread over its rows in order, the T partials added in binary64. Rows are split as `at::parallel_for`
/// splits them: chunk = ⌈N/T⌉, thread t owns rows [t·chunk, min(N, (t+1)·chunk)). So the batch statistics
/// depend on `torch.get_num_threads()`; `threads` states the T the figures assume.
///
///     mean    = f32(Σ_t (((0 ⊕ x_r) ⊕ x_r+1) ⊕ …) / N)               per channel; Σ_t and / in binary64
///     V       = f32(Σ_t q_t),  q_t = fma(d, d, q_t), d = x ⊖ mean        (fused)
///     invstd  = f32(1 / sqrt(f64(V ⊘ f32(N)) + eps))                      (binary64 add, sqrt, divide)
///     train:  α = invstd ⊗ w;  β = fma(−mean, α, b);  y = fma(x, α, β)
///     running mean  = (m ⊗ mean) ⊕ (om ⊗ rm),  m = f32(momentum), om = f32(1) ⊖ m   (unfused)
///     running var   = f32(f64(m)·f64(V ⊘ f32(N − 1)) + f64(om ⊗ rv))         (unbiased)
///     eval:   α = (f32(1) ⊘ sqrt_f32(rv ⊕ f32(eps))) ⊗ w;  β = fma(−rm, α, b);  y = fma(x, α, β)
///     backward (train): S = Σ dy, P = Σ fma(x ⊖ mean, dy, ·) per thread, combined as above;
///             db = S;  dw = P ⊗ invstd;  k = ((P ⊗ invstd) ⊗ invstd) ⊘ f32(N);  t1 = dy ⊖ (S ⊘ f32(N))
///             t2 = fma(−(x ⊖ mean), k, t1) on channels in full 8-wide vectors, t1 ⊖ ((x ⊖ mean) ⊗ k) on the
///             last C mod 8;   dx = (t2 ⊗ invstd) ⊗ w
///
/// `affine: false` has no parameters; the kernels then use w = 1 and b = 0, which give the same bits as torch's
/// undefined weight and bias.
public struct BatchNorm1d: Sendable, Hashable {
    public let features: Int
    public let eps: Double
    public let momentum: Double
    public let affine: Bool
    /// The thread count T of torch's reduction (`torch.set_num_threads(T)`).
    public let threads: Int

    public var weight: [Float]
    public var bias: [Float]
    public var runningMean: [Float]
    public var runningVar: [Float]

    public init(features: Int, eps: Double = 1e-5, momentum: Double = 0.1, affine: Bool = true,
                threads: Int = 1) throws(ModelError) {
        guard features >= 1 else { throw .invalidSizes([features]) }
        guard eps > 0, eps.isFinite else { throw .invalidOption(name: "eps", value: eps, rule: "must be positive") }
        guard momentum >= 0, momentum <= 1 else {
            throw .invalidOption(name: "momentum", value: momentum, rule: "must be from 0 to 1")
        }
        guard threads >= 1 else { throw .invalidOption(name: "threads", value: Double(threads), rule: "must be at least 1") }
        self.features = features
        self.eps = eps
        self.momentum = momentum
        self.affine = affine
        self.threads = threads
        weight = [Float](repeating: 1, count: features)
        bias = [Float](repeating: 0, count: features)
        runningMean = [Float](repeating: 0, count: features)
        runningVar = [Float](repeating: 1, count: features)
    }

    /// What a training-mode forward keeps for the backward: the batch mean and invstd per channel.
    public struct Saved: Sendable, Equatable {
        public var mean: [Float]
        public var invstd: [Float]
    }

    /// Training-mode forward: normalises with the batch statistics and updates the running statistics.
    public mutating func forwardTrain(_ x: Tensor) throws(ModelError) -> (output: Tensor, saved: Saved) {
        try check(x, training: true)
        var y = Tensor(rows: x.rows, cols: features)
        var saved = Saved(mean: [Float](repeating: 0, count: features), invstd: [Float](repeating: 0, count: features))
        let (w, b) = (weight, bias)
        var (rMean, rVar) = (runningMean, runningVar)
        defer { (runningMean, runningVar) = (rMean, rVar) }
        let norm = self
        w.withUnsafeBufferPointer { wp in b.withUnsafeBufferPointer { bp in
        x.scalars.withUnsafeBufferPointer { xp in
            y.scalars.withUnsafeMutableBufferPointer { yp in
                saved.mean.withUnsafeMutableBufferPointer { mp in
                    saved.invstd.withUnsafeMutableBufferPointer { ip in
                        rMean.withUnsafeMutableBufferPointer { rm in
                            rVar.withUnsafeMutableBufferPointer { rv in
                                norm.forwardTrain(x: xp.baseAddress!, rows: x.rows, weight: wp.baseAddress!,
                                             bias: bp.baseAddress!, y: yp.baseAddress!,
                                             mean: mp.baseAddress!, invstd: ip.baseAddress!,
                                             runningMean: rm.baseAddress!, runningVar: rv.baseAddress!)
                            }
                        }
                    }
                }
            }
        }
        } }
        return (y, saved)
    }

    /// Eval-mode forward: normalises with the running statistics.
    public func forwardEval(_ x: Tensor) throws(ModelError) -> Tensor {
        try check(x, training: false)
        var y = Tensor(rows: x.rows, cols: features)
        x.scalars.withUnsafeBufferPointer { xp in
            y.scalars.withUnsafeMutableBufferPointer { yp in
                weight.withUnsafeBufferPointer { wp in
                    bias.withUnsafeBufferPointer { bp in
                        runningMean.withUnsafeBufferPointer { rm in
                            runningVar.withUnsafeBufferPointer { rv in
                                forwardEval(x: xp.baseAddress!, rows: x.rows, weight: wp.baseAddress!, bias: bp.baseAddress!,
                                            runningMean: rm.baseAddress!, runningVar: rv.baseAddress!, y: yp.baseAddress!)
                            }
                        }
                    }
                }
            }
        }
        return y
    }

    /// Training-mode backward for the upstream gradient `dy` at input `x`: (dx, d weight, d bias).
    public func backwardTrain(input x: Tensor, outputGradient dy: Tensor, saved: Saved) throws(ModelError)
        -> (input: Tensor, weight: [Float], bias: [Float]) {
        try check(x, training: true)
        guard dy.rows == x.rows, dy.cols == features else {
            throw .gradientShape(expected: [x.rows, features], got: [dy.rows, dy.cols])
        }
        var dx = Tensor(rows: x.rows, cols: features)
        var dw = [Float](repeating: 0, count: features), db = [Float](repeating: 0, count: features)
        dy.scalars.withUnsafeBufferPointer { gp in
            x.scalars.withUnsafeBufferPointer { xp in
                dx.scalars.withUnsafeMutableBufferPointer { dxp in
                    dw.withUnsafeMutableBufferPointer { dwp in
                        db.withUnsafeMutableBufferPointer { dbp in
                            weight.withUnsafeBufferPointer { wp in
                                saved.mean.withUnsafeBufferPointer { mp in
                                    saved.invstd.withUnsafeBufferPointer { ip in
                                        backwardTrain(dy: gp.baseAddress!, x: xp.baseAddress!, rows: x.rows,
                                                      weight: wp.baseAddress!, mean: mp.baseAddress!,
                                                      invstd: ip.baseAddress!, dx: dxp.baseAddress!,
                                                      dWeight: dwp.baseAddress!, dBias: dbp.baseAddress!)
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

    private func check(_ x: Tensor, training: Bool) throws(ModelError) {
        guard x.cols == features else { throw .inputWidth(expected: features, got: x.cols) }
        if training, x.rows < 2 { throw .batchTooSmallForBatchNorm(rows: x.rows) }
    }
}

// MARK: - Kernels on raw buffers (used by the model without allocating)

extension BatchNorm1d {
    /// The row ranges of torch's T worker threads for N rows.
    @inline(__always)
    static func chunks(rows: Int, threads: Int) -> [Range<Int>] {
        let chunk = (rows + threads - 1) / threads
        return stride(from: 0, to: rows, by: max(chunk, 1)).map { $0..<min(rows, $0 + chunk) }
    }

    /// Per channel: the binary64 sum over threads of each thread's float32 sum of `term(row, channel)`.
    @inline(__always)
    func threadSums(rows: Int, into out: UnsafeMutablePointer<Double>, partial: UnsafeMutablePointer<Float>,
                    _ accumulate: (Int, UnsafeMutablePointer<Float>) -> Void) {
        let c = features
        out.update(repeating: 0, count: c)
        for range in Self.chunks(rows: rows, threads: threads) {
            partial.update(repeating: 0, count: c)
            for r in range { accumulate(r, partial) }
            for j in 0..<c { out[j] += Double(partial[j]) }
        }
    }

    func forwardTrain(x: UnsafePointer<Float>, rows: Int, weight: UnsafePointer<Float>, bias: UnsafePointer<Float>,
                      y: UnsafeMutablePointer<Float>, mean: UnsafeMutablePointer<Float>,
                      invstd: UnsafeMutablePointer<Float>, runningMean: UnsafeMutablePointer<Float>,
                      runningVar: UnsafeMutablePointer<Float>) {
        let c = features
        let sums = UnsafeMutablePointer<Double>.allocate(capacity: c)
        let partial = UnsafeMutablePointer<Float>.allocate(capacity: c)
        defer { sums.deallocate(); partial.deallocate() }
        threadSums(rows: rows, into: sums, partial: partial) { r, acc in
            let row = x + r &* c
            for j in 0..<c { acc[j] += row[j] }
        }
        for j in 0..<c { mean[j] = Float(sums[j] / Double(rows)) }
        threadSums(rows: rows, into: sums, partial: partial) { r, acc in
            let row = x + r &* c
            for j in 0..<c {
                let d = row[j] - mean[j]
                acc[j] = acc[j].addingProduct(d, d)
            }
        }
        let n = Float(rows), nMinus1 = Float(rows - 1)
        let m = Float(momentum), om = 1 - m
        for j in 0..<c {
            let varSum = Float(sums[j])
            let biased = varSum / n
            invstd[j] = Float(1 / (Double(biased) + eps).squareRoot())
            runningMean[j] = (m * mean[j]) + (om * runningMean[j])
            let unbiased = varSum / nMinus1
            runningVar[j] = Float(Double(m) * Double(unbiased) + Double(om * runningVar[j]))
        }
        Self.transform(x: x, rows: rows, features: c, scale: invstd, shift: mean, weight: weight, bias: bias, y: y)
    }

    func forwardEval(x: UnsafePointer<Float>, rows: Int, weight: UnsafePointer<Float>, bias: UnsafePointer<Float>,
                     runningMean: UnsafePointer<Float>, runningVar: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>) {
        let c = features
        var inv = [Float](repeating: 0, count: c)
        let e = Float(eps)
        for j in 0..<c { inv[j] = 1 / (runningVar[j] + e).squareRoot() }
        inv.withUnsafeBufferPointer { ip in
            Self.transform(x: x, rows: rows, features: c, scale: ip.baseAddress!, shift: runningMean, weight: weight,
                           bias: bias, y: y)
        }
    }

    /// y = fma(x, α, β) with α = scale ⊗ w and β = fma(−shift, α, b), per channel.
    static func transform(x: UnsafePointer<Float>, rows: Int, features c: Int, scale: UnsafePointer<Float>,
                          shift: UnsafePointer<Float>, weight: UnsafePointer<Float>, bias: UnsafePointer<Float>,
                          y: UnsafeMutablePointer<Float>) {
        var alpha = [Float](repeating: 0, count: c), beta = [Float](repeating: 0, count: c)
        for j in 0..<c {
            alpha[j] = scale[j] * weight[j]
            beta[j] = bias[j].addingProduct(-shift[j], alpha[j])
        }
        alpha.withUnsafeBufferPointer { a in
            beta.withUnsafeBufferPointer { b in
                for r in 0..<rows {
                    let xr = x + r &* c, yr = y + r &* c
                    for j in 0..<c { yr[j] = b[j].addingProduct(xr[j], a[j]) }
                }
            }
        }
    }

    /// `dx` may be `dy` itself (each element is read before it is written).
    func backwardTrain(dy: UnsafePointer<Float>, x: UnsafePointer<Float>, rows: Int, weight: UnsafePointer<Float>,
                       mean: UnsafePointer<Float>, invstd: UnsafePointer<Float>, dx: UnsafeMutablePointer<Float>,
                       dWeight: UnsafeMutablePointer<Float>, dBias: UnsafeMutablePointer<Float>) {
        let c = features
        let sums = UnsafeMutablePointer<Double>.allocate(capacity: 2 * c)
        let partial = UnsafeMutablePointer<Float>.allocate(capacity: 2 * c)
        defer { sums.deallocate(); partial.deallocate() }
        let dots = sums + c, dotPartial = partial + c
        sums.update(repeating: 0, count: 2 * c)
        do {
            for range in Self.chunks(rows: rows, threads: threads) {
                partial.update(repeating: 0, count: 2 * c)
                for r in range {
                    let g = dy + r &* c, xr = x + r &* c
                    for j in 0..<c {
                        partial[j] += g[j]
                        dotPartial[j] = dotPartial[j].addingProduct(xr[j] - mean[j], g[j])
                    }
                }
                for j in 0..<(2 * c) { sums[j] += Double(partial[j]) }
            }
            let n = Float(rows)
            var k = [Float](repeating: 0, count: c), gradMean = [Float](repeating: 0, count: c)
            for j in 0..<c {
                let s = Float(sums[j]), p = Float(dots[j])
                dBias[j] = s
                dWeight[j] = p * invstd[j]
                k[j] = ((p * invstd[j]) * invstd[j]) / n
                gradMean[j] = s / n
            }
            let fused = c - c % 8
            for r in 0..<rows {
                let g = dy + r &* c, xr = x + r &* c, out = dx + r &* c
                for j in 0..<fused {                      // full 8-wide vectors: fused
                    let t1 = g[j] - gradMean[j], xm = xr[j] - mean[j]
                    out[j] = (t1.addingProduct(-xm, k[j]) * invstd[j]) * weight[j]
                }
                for j in fused..<c {                      // the partial vector: not fused
                    let t1 = g[j] - gradMean[j], xm = xr[j] - mean[j]
                    out[j] = ((t1 - xm * k[j]) * invstd[j]) * weight[j]
                }
            }
        }
    }
}
