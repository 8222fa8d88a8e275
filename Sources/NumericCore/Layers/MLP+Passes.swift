/// Forward and backward passes of `MLP` over its preallocated buffers.
extension MLP {
    /// The model's output for a batch `x` [rows, inputWidth] (torch's `model(x)` under `no_grad`), in eval mode
    /// unless `mode` says train (then dropout draws from `generator` and batch norm updates its statistics).
    public mutating func forward(_ x: Tensor, mode: Mode = .eval) throws(ModelError) -> Tensor {
        guard x.cols == inputWidth else { throw .inputWidth(expected: inputWidth, got: x.cols) }
        guard x.rows > 0 else { return Tensor(rows: 0, cols: outputWidth) }
        if mode == .train, !batchNorms.isEmpty, x.rows < 2 { throw .batchTooSmallForBatchNorm(rows: x.rows) }
        x.scalars.withUnsafeBufferPointer { forward(x: $0.baseAddress!, rows: x.rows, mode: mode) }
        return output(rows: x.rows)
    }

    /// The last stage's output of the last forward pass, its first `rows` rows.
    func output(rows: Int) -> Tensor {
        let start = outputOffsets[stages.count - 1]
        let width = outputWidth
        return Tensor(validatedRows: rows, cols: width, scalars: Array(work[start..<(start + rows * width)]))
    }

    /// Gradients of every parameter for `d loss / d output` = `outputGradient` [rows, outputWidth], after a
    /// training-mode `forward` of the same `x`; the result replaces `gradients` (torch's backward after `zero_grad`).
    public mutating func backward(input x: Tensor, outputGradient g: Tensor) throws(ModelError) {
        guard x.cols == inputWidth else { throw .inputWidth(expected: inputWidth, got: x.cols) }
        let width = outputWidth
        guard g.rows == x.rows, g.cols == width, x.rows <= capacity else {
            throw .gradientShape(expected: [x.rows, width], got: [g.rows, g.cols])
        }
        guard x.rows > 0 else { return }
        let start = deltaOffsets[stages.count - 1]
        work.replaceSubrange(start..<(start + g.scalars.count), with: g.scalars)
        x.scalars.withUnsafeBufferPointer { backward(x: $0.baseAddress!, rows: x.rows) }
    }

    /// Forward pass of `rows` rows at `x`; outputs land in `work` (the last stage's is the prediction).
    mutating func forward(x: UnsafePointer<Float>, rows: Int, mode: Mode) {
        reserve(rows: rows)
        // The buffers are moved out while the stages run, so batch norm and dropout can update the model.
        var work = [Float](), weightT = [Float]()
        swap(&work, &self.work)
        swap(&weightT, &self.weightT)
        defer {
            swap(&work, &self.work)
            swap(&weightT, &self.weightT)
        }
        let (outs, scratch, stages, ranges, params) = (outputOffsets, scratchOffsets, self.stages, parameterRanges, parameters)
        let threads = self.threads
        params.withUnsafeBufferPointer { pp in
            weightT.withUnsafeMutableBufferPointer { wtp in
                work.withUnsafeMutableBufferPointer { wp in
                    let p = pp.baseAddress!, wt = wtp.baseAddress!, work = wp.baseAddress!
                    for (s, stage) in stages.enumerated() {
                        let input = s == 0 ? x : UnsafePointer(work + outs[s - 1])
                        let out = work + outs[s]
                        let count = rows &* stage.width
                        switch stage.kind {
                        case .linear:
                            let (fin, fout) = (stage.inWidth, stage.width)
                            let first = stage.parameter ?? 0
                            let w = p + ranges[first].lowerBound, t = wt + ranges[first].lowerBound
                            Linear.transpose(w, rows: fout, cols: fin, into: t)
                            Linear.forward(x: input, rows: rows, inFeatures: fin, outFeatures: fout, weightT: t,
                                           bias: p + ranges[first + 1].lowerBound, relu: stage.relu, y: out)
                        case .relu:
                            out.update(from: input, count: count)
                            ReLU.forward(out, count: count)
                        case .batchNorm(let b):
                            let affine = stage.parameter.map { (p + ranges[$0].lowerBound, p + ranges[$0 + 1].lowerBound) }
                            Self.batchNormForward(&batchNorms[b], saved: &saved[b], affine: affine, input: input,
                                                  rows: rows, mode: mode, out: out)
                        case .layerNorm(let norm):
                            let stats = work + (scratch[s] ?? 0)
                            let affine = stage.parameter.map { (p + ranges[$0].lowerBound, p + ranges[$0 + 1].lowerBound) }
                            norm.forward(x: input, rows: rows, weight: affine?.0, bias: affine?.1, y: out,
                                         mean: stats, rstd: stats + rows)
                        case .dropout(let dropout):
                            if mode == .train, let n = scratch[s] {
                                dropout.drawNoise(into: work + n, count: count, using: &generator)
                                for i in 0..<count { out[i] = input[i] * work[n &+ i] }
                            } else {
                                out.update(from: input, count: count)
                            }
                        case .activation(let f):
                            f.forward(input, out, count: count, threads: threads)
                        }
                    }
                }
            }
        }
    }

    /// One batch-norm layer's forward; `affine` points at its weight and bias in `parameters` (nil: ones, zeros).
    private static func batchNormForward(_ norm: inout BatchNorm1d, saved: inout [Float],
                                         affine: (UnsafePointer<Float>, UnsafePointer<Float>)?,
                                         input: UnsafePointer<Float>, rows: Int, mode: Mode,
                                         out: UnsafeMutablePointer<Float>) {
        let c = norm.features
        let (ones, zeros) = (norm.weight, norm.bias)
        var (rm, rv) = (norm.runningMean, norm.runningVar)
        ones.withUnsafeBufferPointer { op in
            zeros.withUnsafeBufferPointer { zp in
                let (w, b) = affine ?? (op.baseAddress!, zp.baseAddress!)
                rm.withUnsafeMutableBufferPointer { rmp in
                    rv.withUnsafeMutableBufferPointer { rvp in
                        if mode == .train {
                            saved.withUnsafeMutableBufferPointer { sp in
                                norm.forwardTrain(x: input, rows: rows, weight: w, bias: b, y: out, mean: sp.baseAddress!,
                                                  invstd: sp.baseAddress! + c, runningMean: rmp.baseAddress!,
                                                  runningVar: rvp.baseAddress!)
                            }
                        } else {
                            norm.forwardEval(x: input, rows: rows, weight: w, bias: b, runningMean: rmp.baseAddress!,
                                             runningVar: rvp.baseAddress!, y: out)
                        }
                    }
                }
            }
        }
        (norm.runningMean, norm.runningVar) = (rm, rv)
    }

    /// Backward pass: the last stage's delta block holds d loss / d output for the `rows` rows of the last
    /// training-mode forward of `x`; fills `gradients`.
    mutating func backward(x: UnsafePointer<Float>, rows: Int) {
        let (outs, dels, scratch, stages) = (outputOffsets, deltaOffsets, scratchOffsets, self.stages)
        let threads = self.threads
        let ranges = parameterRanges
        let norms = batchNorms, saved = self.saved
        var work = [Float](), gradients = [Float]()
        swap(&work, &self.work)
        swap(&gradients, &self.gradients)
        defer {
            swap(&work, &self.work)
            swap(&gradients, &self.gradients)
        }
        let params = parameters
        params.withUnsafeBufferPointer { pp in
            gradients.withUnsafeMutableBufferPointer { gp in
                work.withUnsafeMutableBufferPointer { wp in
                    let p = pp.baseAddress!, grads = gp.baseAddress!, work = wp.baseAddress!
                    for s in stride(from: stages.count - 1, through: 0, by: -1) {
                        let stage = stages[s]
                        let input = s == 0 ? x : UnsafePointer(work + outs[s - 1])
                        let g = work + dels[s]
                        // d loss / d input goes to the previous stage's delta block (nowhere for the first stage,
                        // except batch and layer norm, which compute it in place).
                        let dx: UnsafeMutablePointer<Float>? = s > 0 ? work + dels[s - 1] : nil
                        let count = rows &* stage.inWidth
                        switch stage.kind {
                        case .linear:
                            let (fin, fout) = (stage.inWidth, stage.width)
                            let first = stage.parameter ?? 0
                            Linear.weightGradient(g: g, x: input, rows: rows, inFeatures: fin, outFeatures: fout,
                                                  dW: grads + ranges[first].lowerBound)
                            Linear.biasGradient(g: g, rows: rows, outFeatures: fout, db: grads + ranges[first + 1].lowerBound)
                            if let dx {   // with the previous stage's fused ReLU, its backward too
                                Linear.inputGradient(g: g, rows: rows, inFeatures: fin, outFeatures: fout,
                                                     weight: p + ranges[first].lowerBound,
                                                     reluOutput: stages[s - 1].relu ? UnsafePointer(work + outs[s - 1]) : nil,
                                                     dx: dx)
                            }
                        case .relu:
                            if let dx {
                                dx.update(from: g, count: count)
                                ReLU.backward(dx, output: work + outs[s], count: count)
                            }
                        case .batchNorm(let b):
                            let c = stage.width
                            var scratchW = [Float](), scratchB = [Float]()
                            var dW = grads, dB = grads
                            if let first = stage.parameter {
                                dW = grads + ranges[first].lowerBound
                                dB = grads + ranges[first + 1].lowerBound
                            } else {
                                scratchW = [Float](repeating: 0, count: c)
                                scratchB = scratchW
                            }
                            let weight = stage.parameter.map { p + ranges[$0].lowerBound }
                            saved[b].withUnsafeBufferPointer { sp in
                                norms[b].weight.withUnsafeBufferPointer { ones in
                                    scratchW.withUnsafeMutableBufferPointer { sw in
                                        scratchB.withUnsafeMutableBufferPointer { sb in
                                            if stage.parameter == nil { dW = sw.baseAddress!; dB = sb.baseAddress! }
                                            norms[b].backwardTrain(dy: g, x: input, rows: rows,
                                                                   weight: weight ?? ones.baseAddress!,
                                                                   mean: sp.baseAddress!, invstd: sp.baseAddress! + c,
                                                                   dx: dx ?? g, dWeight: dW, dBias: dB)
                                        }
                                    }
                                }
                            }
                        case .layerNorm(let norm):
                            let stats = UnsafePointer(work + (scratch[s] ?? 0))
                            let grad = stage.parameter.map { (grads + ranges[$0].lowerBound, grads + ranges[$0 + 1].lowerBound) }
                            norm.backward(dy: g, x: input, rows: rows, weight: stage.parameter.map { p + ranges[$0].lowerBound },
                                          mean: stats, rstd: stats + rows, dx: dx ?? g, dWeight: grad?.0, dBias: grad?.1)
                        case .dropout:
                            if let dx, let n = scratch[s] {
                                for i in 0..<count { dx[i] = g[i] * work[n &+ i] }
                            }
                        case .activation(let f):
                            if let dx {
                                f.backward(g, x: input, y: work + outs[s], dx, count: count, threads: threads)
                            }
                        }
                        if s > 0, stages[s - 1].relu, !stage.isLinear {
                            ReLU.backward(work + dels[s - 1], output: work + outs[s - 1], count: rows &* stages[s - 1].width)
                        }
                    }
                }
            }
        }
    }
}
