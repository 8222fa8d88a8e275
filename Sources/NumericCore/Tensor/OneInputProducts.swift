/// torch's gradients of a Linear layer of one input (in = 1, out ≥ 2) on the AVX-512 machine of docs/parity.md §4.2b:
/// MKL computes both as matrix-vector products, with the same kernels, and so the same orders, as a layer of one
/// output (`OneOutputProducts`), the upstream gradient g [rows, out] taking the place of that layer's input
/// (measured with `scripts/reference/one_output_orders_probe.py` part 3; pinned by `layers_small_batch.json`).
///
///     input gradient   dx[r] = Σ_j g[r, j]·W[j]   the one-output forward's order with g as x, W as w and no bias
///                                                 (one row alone is a row after the blocks of 4, as there)
///     weight gradient  dW[j] = Σ_r g[r, j]·x[r]   the one-output weight gradient's order with g as x and x as g
///                                                 (blocks of 8 rows on 8 rows or more for the outputs in whole
///                                                 blocks of 16; the fused chain over the rows for every other)
/// The forward pass of such a layer is `SmallBatchProducts`' fma(x, w, b).
enum OneInputProducts {
    /// dx [rows, 1] for a layer of one input and 2 or more outputs (with `reluOutput`, dx[r] = 0 where the ReLU before
    /// the layer gave no positive output); false (nothing written) otherwise.
    static func inputGradient(g: UnsafePointer<Float>, rows: Int, inFeatures: Int, outFeatures: Int,
                              weight: UnsafePointer<Float>, reluOutput: UnsafePointer<Float>?,
                              dx: UnsafeMutablePointer<Float>) -> Bool {
        guard inFeatures == 1, outFeatures >= 2, rows >= 1 else { return false }
        var noBias: Float = 0   // s ⊕ h ⊕ +0 is s ⊕ h: with 16 lanes from +0, h is never −0
        guard OneOutputProducts.forward(x: g, rows: rows, inFeatures: outFeatures, outFeatures: 1, weight: weight,
                                        bias: &noBias, relu: false, y: dx) else { return false }
        if let reluOutput { ReLU.backward(dx, output: reluOutput, count: rows) }
        return true
    }

    /// dW [out, 1] for a layer of one input and 2 or more outputs where the blocks of 8 rows apply (8 rows or more,
    /// 16 outputs or more); false (nothing written) otherwise: there every element is the fused chain over the rows.
    static func weightGradient(g: UnsafePointer<Float>, x: UnsafePointer<Float>, rows: Int, inFeatures: Int,
                               outFeatures: Int, dW: UnsafeMutablePointer<Float>) -> Bool {
        guard inFeatures == 1, outFeatures >= 2 else { return false }
        return OneOutputProducts.weightGradient(g: x, x: g, rows: rows, inFeatures: outFeatures, outFeatures: 1, dW: dW)
    }
}
