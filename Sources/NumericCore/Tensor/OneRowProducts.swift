/// torch's forward pass of a Linear layer on a batch of one row, on the AVX-512 machine of docs/parity.md §4.2b: MKL
/// computes it as the matrix-vector product W·x of the weight W [out, in] with the row, and so sums output j as row j
/// of a one-output layer's forward pass (`OneOutputProducts`) with W's rows as that layer's input rows and x as its
/// weight (measured with `scripts/reference/one_output_orders_probe.py` part 4; pinned by `layers_small_batch.json`):
///
///     outputs in whole blocks of 4 (j < out − out mod 4):  the blocks' order (x₀w₀ seeded into lane 0, 16 lanes,
///                                                          halving trees), then ⊕ b_j
///     the out mod 4 after them:                            `tailRow`'s order by their position (two accumulators
///                                                          on the first and third, one on the second), ⊕ b_j
enum OneRowProducts {
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
