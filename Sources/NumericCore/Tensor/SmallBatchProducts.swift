/// torch's forward pass of a Linear layer on small batches where MKL leaves the fused chain of `SequentialGEMM` for
/// another kernel, as measured on the AVX-512 machine of docs/parity.md §4.2b (`scripts/reference/small_rows_gemm_probe.py`,
/// §4.2a). Only the shapes measured take these orders; every other product keeps the fused chain. On that machine the
/// input and weight gradients on small batches are the fused chain for every shape measured, so they have no entry here.
///
///     one input:   y = fma(x₀, w₀, b)                                   (the bias fused into the one product), 2 rows or more
///     16 lanes:    the full vectors of 16 products, vector v into accumulator v mod A (A = 2 on the batch's even rows
///                  0, 2, 4, …, A = 1 on its odd rows), each lane a fused chain from 0; the accumulators added
///                  lane-wise (A = 2); the K mod 16 products left over fused into lanes 0 … K mod 16 − 1; then the
///                  halving tree (lane l ⊕ lane l+8, l ⊕ l+4, l ⊕ l+2, l ⊕ l+1); then ⊕ b. Taken on 2 rows or more
///                  for 2 outputs (2 to 40 inputs, or 64) up to 15 rows, 3 outputs (the same) up to 10 rows, and
///                  4 to 11 outputs with no more inputs than outputs on fewer rows than outputs (`takesLanes`)
enum SmallBatchProducts {
    /// True where the 16-lane order was checked bitwise on the AVX-512 machine (in 2 to 40 and 64, out 2 to 11, rows
    /// 2 to 32, three seeds; probe part 3): 2 outputs on 2 to 15 rows and 3 outputs on 2 to 10 rows, with 2 to 40
    /// inputs (64 inputs: from 3 rows); 4 to 11 outputs with 2 ≤ in ≤ out on 2 to out − 1 rows. Beyond those row
    /// counts the fused chain is torch's; in 41 to 63 and above 64 is not mapped (48, 56, 63 and 80 follow neither).
    static func takesLanes(rows m: Int, inFeatures k: Int, outFeatures n: Int) -> Bool {
        guard m >= 2, k >= 2 else { return false }
        switch n {
        case 2: return (k <= 40 || (k == 64 && m >= 3)) && m <= 15
        case 3: return (k <= 40 || (k == 64 && m >= 3)) && m <= 10
        case 4...11: return k <= n && m < n
        default: return false
        }
    }

    /// Σ_k a[k]·b[k·sb] in the 16-lane order above with `accumulators` (1 or 2) accumulators.
    @inline(__always)
    static func lanes16(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ sb: Int, count k: Int,
                        accumulators: Int) -> Float {
        var acc = (SIMD16<Float>(repeating: 0), SIMD16<Float>(repeating: 0))
        let full = k / 16
        for v in 0..<full {
            for l in 0..<16 {
                let t = v &* 16 &+ l
                if v % accumulators == 0 {
                    acc.0[l] = acc.0[l].addingProduct(a[t], b[t &* sb])
                } else {
                    acc.1[l] = acc.1[l].addingProduct(a[t], b[t &* sb])
                }
            }
        }
        var reg = accumulators == 2 ? acc.0 + acc.1 : acc.0
        var t = full &* 16
        while t < k {
            reg[t &- full &* 16] = reg[t &- full &* 16].addingProduct(a[t], b[t &* sb])
            t &+= 1
        }
        let s8 = reg.lowHalf + reg.highHalf
        let s4 = s8.lowHalf + s8.highHalf
        let s2 = s4.lowHalf + s4.highHalf
        return s2[0] + s2[1]
    }

    /// The forward pass y = x·Wᵀ ⊕ b (then ReLU; `weightT` is Wᵀ [in, out]) where this machine's order is known for
    /// the shape: one input (not one output) on 2 rows or more, and the 16-lane shapes of `takesLanes`. Returns false
    /// (nothing written) otherwise.
    static func forward(x: UnsafePointer<Float>, rows: Int, inFeatures k: Int, outFeatures n: Int,
                        weightT: UnsafePointer<Float>, bias: UnsafePointer<Float>, relu: Bool,
                        y: UnsafeMutablePointer<Float>) -> Bool {
        guard rows >= 2, n >= 2 else { return false }
        if k == 1 {
            for r in 0..<rows {
                for j in 0..<n {
                    var v = bias[j].addingProduct(x[r], weightT[j])
                    if relu, v < 0 { v = 0 }
                    y[r &* n &+ j] = v
                }
            }
            return true
        }
        guard takesLanes(rows: rows, inFeatures: k, outFeatures: n) else { return false }
        for r in 0..<rows {
            for j in 0..<n {
                var v = lanes16(x + r &* k, weightT + j, n, count: k, accumulators: r % 2 == 0 ? 2 : 1) + bias[j]
                if relu, v < 0 { v = 0 }
                y[r &* n &+ j] = v
            }
        }
        return true
    }
}
