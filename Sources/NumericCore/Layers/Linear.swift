import CWideFMA

/// A fully connected layer `y = x·Wᵀ + b` (torch's `nn.Linear`), weight row-major [out, in], in float32.
///
/// Rounding follows docs/parity.md §4.2: forward output (r, j) is `f32(chain ⊕ b_j)` with `chain` the sequential FMA
/// chain over k from 0 (bitwise torch for out_features > 1); `dx = g·W` uses the same chain over j;
/// `dW = gᵀ·x` is the sequential FMA chain over the batch rows r = 0, 1, …; `db_j = Σ_r g[r, j]` is torch's
/// `g.sum(0)`, ATen's cascade sum down the rows (`CascadeSum.columnSums`, bitwise torch).
public struct Linear: Sendable, Equatable {
    public let inFeatures: Int
    public let outFeatures: Int
    /// Row-major [outFeatures, inFeatures], as torch stores `weight`.
    public var weight: [Float]
    public var bias: [Float]

    /// A layer over the given parameters; throws when their sizes do not match the shape.
    public init(inFeatures: Int, outFeatures: Int, weight: [Float], bias: [Float]) throws(ModelError) {
        guard inFeatures > 0, outFeatures > 0 else { throw .invalidSizes([inFeatures, outFeatures]) }
        guard weight.count == inFeatures * outFeatures else {
            throw .parameterSize(name: "weight", expected: [outFeatures, inFeatures], count: weight.count)
        }
        guard bias.count == outFeatures else {
            throw .parameterSize(name: "bias", expected: [outFeatures], count: bias.count)
        }
        self.inFeatures = inFeatures
        self.outFeatures = outFeatures
        self.weight = weight
        self.bias = bias
    }

    /// A layer whose parameter sizes the caller has already checked.
    init(validatedIn inFeatures: Int, out outFeatures: Int, weight: [Float], bias: [Float]) {
        self.inFeatures = inFeatures
        self.outFeatures = outFeatures
        self.weight = weight
        self.bias = bias
    }

    /// `x·Wᵀ + b` for a batch `x` of shape [rows, inFeatures].
    public func forward(_ x: Tensor) throws(ModelError) -> Tensor {
        guard x.cols == inFeatures else { throw .inputWidth(expected: inFeatures, got: x.cols) }
        guard x.rows > 0 else { return Tensor(rows: 0, cols: outFeatures) }
        var weightT = [Float](repeating: 0, count: weight.count)
        Self.transpose(weight, rows: outFeatures, cols: inFeatures, into: &weightT)
        var y = Tensor(rows: x.rows, cols: outFeatures)
        x.scalars.withUnsafeBufferPointer { xp in
            weightT.withUnsafeBufferPointer { wt in
                bias.withUnsafeBufferPointer { bp in
                    y.scalars.withUnsafeMutableBufferPointer { yp in
                        Self.forward(x: xp.baseAddress!, rows: x.rows, inFeatures: inFeatures,
                                     outFeatures: outFeatures, weightT: wt.baseAddress!, bias: bp.baseAddress!,
                                     y: yp.baseAddress!)
                    }
                }
            }
        }
        return y
    }

    /// The gradients for an upstream gradient `g` [rows, out] at input `x` [rows, in]: (dx, dW, db).
    public func backward(input x: Tensor, outputGradient g: Tensor) throws(ModelError)
        -> (input: Tensor, weight: [Float], bias: [Float]) {
        guard x.cols == inFeatures else { throw .inputWidth(expected: inFeatures, got: x.cols) }
        guard g.cols == outFeatures, g.rows == x.rows else {
            throw .gradientShape(expected: [x.rows, outFeatures], got: [g.rows, g.cols])
        }
        var dx = Tensor(rows: x.rows, cols: inFeatures)
        var dW = [Float](repeating: 0, count: weight.count)
        var db = [Float](repeating: 0, count: outFeatures)
        guard x.rows > 0 else { return (dx, dW, db) }
        let (rows, fin, fout) = (x.rows, inFeatures, outFeatures)
        g.scalars.withUnsafeBufferPointer { gp in
            x.scalars.withUnsafeBufferPointer { xp in
                weight.withUnsafeBufferPointer { wp in
                    dx.scalars.withUnsafeMutableBufferPointer { dxp in
                        Self.inputGradient(g: gp.baseAddress!, rows: rows, inFeatures: fin, outFeatures: fout,
                                           weight: wp.baseAddress!, dx: dxp.baseAddress!)
                    }
                    dW.withUnsafeMutableBufferPointer { dwp in
                        Self.weightGradient(g: gp.baseAddress!, x: xp.baseAddress!, rows: rows, inFeatures: fin,
                                            outFeatures: fout, dW: dwp.baseAddress!)
                    }
                    db.withUnsafeMutableBufferPointer { dbp in
                        Self.biasGradient(g: gp.baseAddress!, rows: rows, outFeatures: fout, db: dbp.baseAddress!)
                    }
                }
            }
        }
        return (dx, dW, db)
    }
}

// MARK: - Kernels on raw buffers (used by MLP without allocating)

/// A forward pass of one row goes to `OneRowProducts` (MKL's matrix-vector product, docs/parity.md §4.2b); others go
/// to `SmallBatchProducts` first (small batches of few outputs and one-input layers, the shapes whose MKL order is
/// known; docs/parity.md §4.2a),
/// then to `OneOutputProducts` (a layer of one output), else to `SequentialGEMM`'s fused chains. The gradients of a
/// layer of one output or of one input go to `OneOutputProducts` and `OneInputProducts`, the input gradient of one
/// row to `OneRowProducts` (docs/parity.md §4.2b).
extension Linear {
    /// y[r, j] = f32(Σ_k x[r, k]·W[j, k] ⊕ b[j]), from the transposed weight Wᵀ [in, out]; with `relu`,
    /// max(y[r, j], 0) (the MLP's hidden layers, fused so the output is written once).
    static func forward(x: UnsafePointer<Float>, rows: Int, inFeatures: Int, outFeatures: Int,
                        weightT: UnsafePointer<Float>, bias: UnsafePointer<Float>, relu: Bool = false,
                        y: UnsafeMutablePointer<Float>) {
        if rows == 1 {
            OneRowProducts.forward(x: x, inFeatures: inFeatures, outFeatures: outFeatures, weightT: weightT,
                                   bias: bias, relu: relu, y: y)
            return
        }
        if SmallBatchProducts.forward(x: x, rows: rows, inFeatures: inFeatures, outFeatures: outFeatures,
                                      weightT: weightT, bias: bias, relu: relu, y: y) { return }
        if OneOutputProducts.forward(x: x, rows: rows, inFeatures: inFeatures, outFeatures: outFeatures,
                                     weight: weightT, bias: bias, relu: relu, y: y) { return }
        SequentialGEMM.multiplyInKBlocks(
            m: rows, n: outFeatures, k: inFeatures,
            a: .init(base: x, rowStride: inFeatures, colStride: 1), b: weightT, ldb: outFeatures,
            bias: bias, relu: relu, c: .init(base: y, rowStride: outFeatures, colStride: 1))
    }

    /// dx[r, k] = Σ_j g[r, j]·W[j, k], chain over j = 0 ..< out. With `reluOutput` (the output y [rows, in] of a
    /// ReLU before the layer), the ReLU's backward too: dx[r, k] = 0 where y[r, k] is not above 0.
    static func inputGradient(g: UnsafePointer<Float>, rows: Int, inFeatures: Int, outFeatures: Int,
                              weight: UnsafePointer<Float>, reluOutput: UnsafePointer<Float>? = nil,
                              dx: UnsafeMutablePointer<Float>) {
        if OneInputProducts.inputGradient(g: g, rows: rows, inFeatures: inFeatures, outFeatures: outFeatures,
                                          weight: weight, reluOutput: reluOutput, dx: dx) { return }
        if OneRowProducts.inputGradient(g: g, rows: rows, inFeatures: inFeatures, outFeatures: outFeatures,
                                        weight: weight, reluOutput: reluOutput, dx: dx) { return }
        SequentialGEMM.multiplyInKBlocks(
            m: rows, n: inFeatures, k: outFeatures,
            a: .init(base: g, rowStride: outFeatures, colStride: 1), b: weight, ldb: inFeatures,
            bias: nil, reluOutput: reluOutput, c: .init(base: dx, rowStride: inFeatures, colStride: 1))
    }

    /// dW[j, k] = Σ_r g[r, j]·x[r, k], chain over rows r = 0 ..< rows. Vectorised along in or out, whichever
    /// leaves fewer elements to the scalar tail (columns past the last multiple of 8): for Linear(20, 128),
    /// along out (20 × 0) rather than in (128 × 4). The chain of each element is the same either way.
    static func weightGradient(g: UnsafePointer<Float>, x: UnsafePointer<Float>, rows: Int, inFeatures: Int,
                               outFeatures: Int, dW: UnsafeMutablePointer<Float>) {
        if OneOutputProducts.weightGradient(g: g, x: x, rows: rows, inFeatures: inFeatures, outFeatures: outFeatures,
                                            dW: dW) { return }
        if OneInputProducts.weightGradient(g: g, x: x, rows: rows, inFeatures: inFeatures, outFeatures: outFeatures,
                                           dW: dW) { return }
        if outFeatures * (inFeatures % 8) <= inFeatures * (outFeatures % 8) {
            // C = gᵀ · x : [out, rows] · [rows, in]
            SequentialGEMM.multiplyInKBlocks(
                m: outFeatures, n: inFeatures, k: rows,
                a: .init(base: g, rowStride: 1, colStride: outFeatures), b: x, ldb: inFeatures,
                bias: nil, c: .init(base: dW, rowStride: inFeatures, colStride: 1))
        } else {
            // Cᵀ = xᵀ · g : [in, rows] · [rows, out], written transposed into dW [out, in]
            SequentialGEMM.multiplyInKBlocks(
                m: inFeatures, n: outFeatures, k: rows,
                a: .init(base: x, rowStride: 1, colStride: inFeatures), b: g, ldb: outFeatures,
                bias: nil, c: .init(base: dW, rowStride: 1, colStride: inFeatures))
        }
    }

    /// db[j] = Σ_r g[r, j] in the order of torch's `g.sum(0)` (autograd's reduction of the broadcast bias).
    static func biasGradient(g: UnsafePointer<Float>, rows: Int, outFeatures: Int, db: UnsafeMutablePointer<Float>) {
        CascadeSum.columnSums(g, rows: rows, cols: outFeatures, into: db)
    }

    /// dst[c, r] = src[r, c] for a row-major `rows × cols` source.
    static func transpose(_ src: [Float], rows: Int, cols: Int, into dst: inout [Float]) {
        src.withUnsafeBufferPointer { s in
            dst.withUnsafeMutableBufferPointer { d in transpose(s.baseAddress!, rows: rows, cols: cols, into: d.baseAddress!) }
        }
    }

    /// `dst` [cols, rows] = `src` [rows, cols]ᵀ (the forward pass's Wᵀ): in C on 16-lane registers where the CPU
    /// has AVX-512F (`wide_transpose`), else in 8 × 8 tiles here.
    static func transpose(_ src: UnsafePointer<Float>, rows: Int, cols: Int, into dst: UnsafeMutablePointer<Float>,
                          lanes: SequentialGEMM.Lanes = SequentialGEMM.widestLanes) {
        if lanes == .sixteen {
            wide_transpose(rows, cols, src, dst)
            return
        }
        eightLaneTranspose(src, rows: rows, cols: cols, into: dst)
    }

    /// The transpose in whole 8 × 8 tiles through registers: eight row loads, three rounds of lane interleaving,
    /// eight column stores; the edges element by element.
    static func eightLaneTranspose(_ src: UnsafePointer<Float>, rows: Int, cols: Int, into dst: UnsafeMutablePointer<Float>) {
        let rows8 = rows & ~7, cols8 = cols & ~7
        var r = 0
        while r < rows8 {
            var c = 0
            while c < cols8 {
                transposeTile(src + (r &* cols &+ c), stride: cols, into: dst + (c &* rows &+ r), stride: rows)
                c &+= 8
            }
            for c in cols8..<cols {
                for i in r..<(r &+ 8) { dst[c &* rows &+ i] = src[i &* cols &+ c] }
            }
            r &+= 8
        }
        for i in rows8..<rows {
            for c in 0..<cols { dst[c &* rows &+ i] = src[i &* cols &+ c] }
        }
    }

    /// One 8 × 8 tile: rows a…h of `src` become columns of `dst`. Each round pairs registers and interleaves
    /// their lanes (the unpack, shuffle and 128-bit permute steps of the usual AVX transpose).
    @inline(__always)
    private static func transposeTile(_ src: UnsafePointer<Float>, stride s: Int, into dst: UnsafeMutablePointer<Float>, stride d: Int) {
        func load(_ i: Int) -> SIMD8<Float> { UnsafeRawPointer(src + i &* s).loadUnaligned(as: SIMD8<Float>.self) }
        func store(_ v: SIMD8<Float>, _ i: Int) { UnsafeMutableRawPointer(dst + i &* d).storeBytes(of: v, as: SIMD8<Float>.self) }
        // Lanes 0,1 / 4,5 (low) and 2,3 / 6,7 (high) of two rows, interleaved.
        func unpackLow(_ a: SIMD8<Float>, _ b: SIMD8<Float>) -> SIMD8<Float> { SIMD8(a[0], b[0], a[1], b[1], a[4], b[4], a[5], b[5]) }
        func unpackHigh(_ a: SIMD8<Float>, _ b: SIMD8<Float>) -> SIMD8<Float> { SIMD8(a[2], b[2], a[3], b[3], a[6], b[6], a[7], b[7]) }
        // Pairs of lanes: 0,1 of a then 0,1 of b (and 4,5 / 4,5); or 2,3 / 2,3 (and 6,7 / 6,7).
        func pairsLow(_ a: SIMD8<Float>, _ b: SIMD8<Float>) -> SIMD8<Float> { SIMD8(a[0], a[1], b[0], b[1], a[4], a[5], b[4], b[5]) }
        func pairsHigh(_ a: SIMD8<Float>, _ b: SIMD8<Float>) -> SIMD8<Float> { SIMD8(a[2], a[3], b[2], b[3], a[6], a[7], b[6], b[7]) }
        // 128-bit halves: the low halves of a and b, or the high halves.
        func halvesLow(_ a: SIMD8<Float>, _ b: SIMD8<Float>) -> SIMD8<Float> { SIMD8(lowHalf: a.lowHalf, highHalf: b.lowHalf) }
        func halvesHigh(_ a: SIMD8<Float>, _ b: SIMD8<Float>) -> SIMD8<Float> { SIMD8(lowHalf: a.highHalf, highHalf: b.highHalf) }

        let r0 = load(0), r1 = load(1), r2 = load(2), r3 = load(3), r4 = load(4), r5 = load(5), r6 = load(6), r7 = load(7)
        let u0 = unpackLow(r0, r1), u1 = unpackHigh(r0, r1), u2 = unpackLow(r2, r3), u3 = unpackHigh(r2, r3)
        let u4 = unpackLow(r4, r5), u5 = unpackHigh(r4, r5), u6 = unpackLow(r6, r7), u7 = unpackHigh(r6, r7)
        let p0 = pairsLow(u0, u2), p1 = pairsHigh(u0, u2), p2 = pairsLow(u1, u3), p3 = pairsHigh(u1, u3)
        let p4 = pairsLow(u4, u6), p5 = pairsHigh(u4, u6), p6 = pairsLow(u5, u7), p7 = pairsHigh(u5, u7)
        store(halvesLow(p0, p4), 0); store(halvesLow(p1, p5), 1); store(halvesLow(p2, p6), 2); store(halvesLow(p3, p7), 3)
        store(halvesHigh(p0, p4), 4); store(halvesHigh(p1, p5), 5); store(halvesHigh(p2, p6), 6); store(halvesHigh(p3, p7), 7)
    }
}
