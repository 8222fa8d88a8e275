/// torch's forward pass of a Linear layer on small batches where MKL leaves the fused chain of `SequentialGEMM` for
/// another kernel, as measured on the AVX-512 machine of docs/parity.md §4.2b (`scripts/reference/small_rows_gemm_probe.py`,
/// §4.2a). Only the shapes measured take these orders; every other product keeps the fused chain. On that machine the
/// input and weight gradients on small batches are the fused chain for every shape measured (but a one-input layer's,
/// `OneInputProducts`, and one row's input gradient, `OneRowProducts`), so they have no entry here.
///
///     one input:   y = fma(x₀, w₀, b)                                   (the bias fused into the one product), 2 rows or more
///     16 lanes:    the full vectors of 16 products in lanes, each lane a fused chain from 0: on the batch's odd rows
///                  (1, 3, …) one accumulator; on its even rows (0, 2, 4, …) two, the vectors in pairs (2p into the
///                  first, 2p + 1 into the second), the two added lane-wise and an odd last vector fused into that sum;
///                  the K mod 16 products left over fused into lanes 0 … K mod 16 − 1; then the halving tree
///                  (lane l ⊕ lane l+8, l ⊕ l+4, l ⊕ l+2, l ⊕ l+1); then ⊕ b. Taken on 2 rows or more for 2 outputs up
///                  to 15 rows, 3 outputs up to 10 rows, and 4 to 11 outputs with no more inputs than outputs on fewer
///                  rows than outputs (`takesLanes`), unless the quarters below come first
///     quarters:    where in ≥ 24 · rows (2 to 15 rows, any number of outputs; `takesQuarters`): one accumulator of 16
///                  lanes as above (whole vectors fused, the K mod 16 left over fused into lanes 0, 1, …); then the
///                  four quarters of the register added in order, q = ((l[0…3] ⊕ l[4…7]) ⊕ l[8…11]) ⊕ l[12…15], then
///                  (q₀ ⊕ q₁) ⊕ (q₂ ⊕ q₃); then ⊕ b
enum SmallBatchProducts {
    /// True where the 16-lane order was checked bitwise on the AVX-512 machine (probe parts 3 and 4): 2 outputs on 2 to
    /// 15 rows and 3 outputs on 2 to 10 rows, any number of inputs from 2 (mapped up to 256; where `takesQuarters`
    /// holds, it comes first); 4 to 11 outputs with 2 ≤ in ≤ out on 2 to out − 1 rows. Beyond those row counts the
    /// fused chain is torch's (up to in 256; from in 384 on 16 rows or more an order not identified).
    static func takesLanes(rows m: Int, inFeatures k: Int, outFeatures n: Int) -> Bool {
        guard m >= 2, k >= 2 else { return false }
        switch n {
        case 2: return m <= 15
        case 3: return m <= 10
        case 4...11: return k <= n && m < n
        default: return false
        }
    }

    /// True where the quarters order was checked bitwise (probe parts 4 and 7): 2 to 15 rows with at least 24 inputs a row
    /// (in ≥ 24 · rows, measured up to in 4 096 on one thread, not cut into blocks of k), every number of outputs from 2 measured
    /// (2 to 128).
    static func takesQuarters(rows m: Int, inFeatures k: Int) -> Bool {
        m >= 2 && m <= 15 && k >= 24 &* m
    }

    /// Σ_k a[k]·b[k·sb] in the 16-lane order above with `accumulators` (1 or 2) accumulators.
    @inline(__always)
    static func lanes16(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ sb: Int, count k: Int,
                        accumulators: Int) -> Float {
        halvingTree(lanes(a, b, sb, count: k, accumulators: accumulators))
    }

    /// Σ_k a[k]·b[k·sb] in the quarters order above.
    @inline(__always)
    static func quarters16(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ sb: Int, count k: Int) -> Float {
        let reg = lanes(a, b, sb, count: k, accumulators: 1)
        let q = ((SIMD4(reg[0], reg[1], reg[2], reg[3]) + SIMD4(reg[4], reg[5], reg[6], reg[7]))
                 + SIMD4(reg[8], reg[9], reg[10], reg[11])) + SIMD4(reg[12], reg[13], reg[14], reg[15])
        return (q[0] + q[1]) + (q[2] + q[3])
    }

    /// The 16 lanes before their sum: whole vectors on `accumulators` (1, or 2 in pairs with an odd last vector
    /// fused into their sum), then the K mod 16 left over fused into lanes 0, 1, ….
    @inline(__always)
    private static func lanes(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ sb: Int, count k: Int,
                              accumulators: Int) -> SIMD16<Float> {
        @inline(__always) func fuse(_ v: Int, into acc: inout SIMD16<Float>) {
            for l in 0..<16 {
                let t = v &* 16 &+ l
                acc[l] = acc[l].addingProduct(a[t], b[t &* sb])
            }
        }
        let full = k / 16
        var reg = SIMD16<Float>(repeating: 0)
        if accumulators == 2, full >= 2 {
            var second = SIMD16<Float>(repeating: 0)
            for p in 0..<(full / 2) {
                fuse(2 &* p, into: &reg)
                fuse(2 &* p &+ 1, into: &second)
            }
            reg = reg + second
            if full % 2 == 1 { fuse(full &- 1, into: &reg) }
        } else {
            for v in 0..<full { fuse(v, into: &reg) }
        }
        var t = full &* 16
        while t < k {
            reg[t &- full &* 16] = reg[t &- full &* 16].addingProduct(a[t], b[t &* sb])
            t &+= 1
        }
        return reg
    }

    /// Lane l ⊕ lane l+8, l ⊕ l+4, l ⊕ l+2, l ⊕ l+1.
    @inline(__always)
    private static func halvingTree(_ reg: SIMD16<Float>) -> Float {
        let s8 = reg.lowHalf + reg.highHalf
        let s4 = s8.lowHalf + s8.highHalf
        let s2 = s4.lowHalf + s4.highHalf
        return s2[0] + s2[1]
    }

    /// The forward pass y = x·Wᵀ ⊕ b (then ReLU; `weightT` is Wᵀ [in, out]) where this machine's order is known for
    /// the shape: one input (not one output) on 2 rows or more, the quarters of `takesQuarters`, and the 16-lane shapes
    /// of `takesLanes`. Returns false
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
        if takesQuarters(rows: rows, inFeatures: k) {
            for r in 0..<rows {
                for j in 0..<n {
                    var v = quarters16(x + r &* k, weightT + j, n, count: k) + bias[j]
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
