/// torch's forward pass of a Linear layer on a batch of one row, on the AVX-512 machine of docs/parity.md §4.2b: MKL
/// computes it as the matrix-vector product W·x of the weight W [out, in] with the row, and so sums output j as row j
/// of a one-output layer's forward pass (`OneOutputProducts`) with W's rows as that layer's input rows and x as its
/// weight (measured with `scripts/reference/one_output_orders_probe.py` part 4; pinned by `layers_small_batch.json`):
///
///     outputs in whole blocks of 4 (j < out − out mod 4):  the blocks' order (x₀w₀ seeded into lane 0, 16 lanes,
///                                                          halving trees), then ⊕ b_j
///     the out mod 4 after them:                            `tailRow`'s order by their position (two accumulators
///                                                          on the first and third, one on the second), ⊕ b_j
///
/// The input gradient of one row, dx[i] = Σ_j g[j]·W[j, i], is the other matrix-vector product, Wᵀ·g, summed as a
/// one-output layer's weight gradient with W's rows as its input rows and g as its upstream gradient (blocks of 8
/// outputs for the inputs in whole blocks of 16, with 8 outputs or more; the fused chain over j otherwise; part 5).
enum OneRowProducts {
    /// dx [1, in] for one row of a layer of 2 inputs or more (with `reluOutput`, dx[i] = 0 where the ReLU before the
    /// layer gave no positive output); false (nothing written) where the order is the fused chain over the outputs.
    static func inputGradient(g: UnsafePointer<Float>, rows: Int, inFeatures k: Int, outFeatures n: Int,
                              weight: UnsafePointer<Float>, reluOutput: UnsafePointer<Float>?,
                              dx: UnsafeMutablePointer<Float>) -> Bool {
        guard rows == 1, k >= 2 else { return false }
        guard OneOutputProducts.weightGradient(g: g, x: weight, rows: n, inFeatures: k, outFeatures: 1, dW: dx) else {
            return false
        }
        if let reluOutput { ReLU.backward(dx, output: reluOutput, count: k) }
        return true
    }

    /// y[j] = f32(Σ_k x[k]·W[j, k] ⊕ b[j]) (then ReLU) for one row, from the transposed weight Wᵀ [in, out].
    static func forward(x: UnsafePointer<Float>, inFeatures k: Int, outFeatures n: Int, weightT: UnsafePointer<Float>,
                        bias: UnsafePointer<Float>, relu: Bool, y: UnsafeMutablePointer<Float>) {
        withUnsafeTemporaryAllocation(of: Float.self, capacity: n &* k) { buffer in
            let w = buffer.baseAddress!
            Linear.transpose(weightT, rows: k, cols: n, into: w)    // W [out, in], row j the j-th output's weights
            let blocks = n - n % 4
            for j in 0..<blocks {
                OneOutputProducts.blockRows(x: w + j &* k, rows: 1, inFeatures: k, weight: x, bias: bias + j,
                                            relu: relu, y: y + j)
            }
            for j in blocks..<n {
                y[j] = OneOutputProducts.tailRow(w + j &* k, inFeatures: k, weight: x, bias: bias[j],
                                                 tailIndex: j &- blocks, relu: relu)
            }
        }
    }
}
