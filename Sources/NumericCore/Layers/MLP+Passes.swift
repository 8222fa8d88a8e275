/// Forward and backward passes of `MLP` over its preallocated buffers.
extension MLP {
    /// The model's output for a batch `x` [rows, sizes[0]] (torch's `model(x)` under `no_grad`).
    public mutating func forward(_ x: Tensor) throws(ModelError) -> Tensor {
        guard x.cols == sizes[0] else { throw .inputWidth(expected: sizes[0], got: x.cols) }
        guard x.rows > 0 else { return Tensor(rows: 0, cols: sizes[layerCount]) }
        x.scalars.withUnsafeBufferPointer { forward(x: $0.baseAddress!, rows: x.rows) }
        return output(rows: x.rows)
    }

    /// The last layer's output of the last forward pass, its first `rows` rows.
    func output(rows: Int) -> Tensor {
        let start = outputOffset(layerCount - 1)
        let width = sizes[layerCount]
        return Tensor(validatedRows: rows, cols: width, scalars: Array(work[start..<(start + rows * width)]))
    }

    /// Gradients of every parameter for `d loss / d output` = `outputGradient` [rows, sizes.last], after a
    /// `forward` of the same `x`; the result replaces `gradients` (torch's backward after `zero_grad`).
    public mutating func backward(input x: Tensor, outputGradient g: Tensor) throws(ModelError) {
        guard x.cols == sizes[0] else { throw .inputWidth(expected: sizes[0], got: x.cols) }
        let width = sizes[layerCount]
        guard g.rows == x.rows, g.cols == width, x.rows <= capacity else {
            throw .gradientShape(expected: [x.rows, width], got: [g.rows, g.cols])
        }
        guard x.rows > 0 else { return }
        let start = deltaOffset(layerCount - 1)
        work.replaceSubrange(start..<(start + g.scalars.count), with: g.scalars)
        x.scalars.withUnsafeBufferPointer { backward(x: $0.baseAddress!, rows: x.rows) }
    }

    /// Forward pass of `rows` rows at `x`; outputs land in `work` (the last layer's is the prediction).
    mutating func forward(x: UnsafePointer<Float>, rows: Int) {
        reserve(rows: rows)
        let offsets = outputOffsets
        let (sizes, ranges, layers) = (self.sizes, parameterRanges, layerCount)
        parameters.withUnsafeBufferPointer { pp in
            weightT.withUnsafeMutableBufferPointer { wtp in
                work.withUnsafeMutableBufferPointer { wp in
                    let p = pp.baseAddress!, wt = wtp.baseAddress!, work = wp.baseAddress!
                    for l in 0..<layers {
                        let (fin, fout) = (sizes[l], sizes[l + 1])
                        let w = p + ranges[2 * l].lowerBound, t = wt + ranges[2 * l].lowerBound
                        for k in 0..<fin {                       // Wᵀ row k = column k of W (contiguous writes)
                            let row = t + k &* fout
                            for j in 0..<fout { row[j] = w[j &* fin &+ k] }
                        }
                        let input = l == 0 ? x : UnsafePointer(work + offsets[l - 1])
                        Linear.forward(x: input, rows: rows, inFeatures: fin, outFeatures: fout, weightT: t,
                                       bias: p + ranges[2 * l + 1].lowerBound, relu: l < layers - 1,
                                       y: work + offsets[l])
                    }
                }
            }
        }
    }

    /// Backward pass: the last layer's delta block holds d loss / d output for the `rows` rows of the last
    /// forward of `x`; fills `gradients`.
    mutating func backward(x: UnsafePointer<Float>, rows: Int) {
        let outs = outputOffsets, dels = deltaOffsets
        let (sizes, ranges, layers) = (self.sizes, parameterRanges, layerCount)
        parameters.withUnsafeBufferPointer { pp in
            gradients.withUnsafeMutableBufferPointer { gp in
                work.withUnsafeMutableBufferPointer { wp in
                    let p = pp.baseAddress!, grads = gp.baseAddress!, work = wp.baseAddress!
                    for l in stride(from: layers - 1, through: 0, by: -1) {
                        let (fin, fout) = (sizes[l], sizes[l + 1])
                        let input = l == 0 ? x : UnsafePointer(work + outs[l - 1])
                        let g = UnsafePointer(work + dels[l])
                        Linear.weightGradient(g: g, x: input, rows: rows, inFeatures: fin, outFeatures: fout,
                                              dW: grads + ranges[2 * l].lowerBound)
                        Linear.biasGradient(g: g, rows: rows, outFeatures: fout, db: grads + ranges[2 * l + 1].lowerBound)
                        guard l > 0 else { continue }
                        let dx = work + dels[l - 1]
                        Linear.inputGradient(g: g, rows: rows, inFeatures: fin, outFeatures: fout,
                                             weight: p + ranges[2 * l].lowerBound, dx: dx)
                        ReLU.backward(dx, output: input, count: rows * fin)
                    }
                }
            }
        }
    }
}
