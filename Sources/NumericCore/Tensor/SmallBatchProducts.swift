/// torch's matrix products on batches of 2 or 3 rows, where MKL leaves the fused chain of `SequentialGEMM` for
/// kernels that round every product before adding it (docs/parity.md §4.2a, measured with
/// `scripts/reference/small_rows_gemm_probe.py`). Only the shapes measured take these orders; every other product
/// keeps the fused chain, so larger batches are unchanged.
///
///     chain:    ((p₀ ⊕ p₁) ⊕ p₂) ⊕ …                  p_k = a_k ⊗ b_k, rounded
///     lanes L:  s_l = (p_l ⊕ p_(l+L)) ⊕ …  for l < L over the first K − K mod L products;
///               L = 4: (s₀ ⊕ s₂) ⊕ (s₁ ⊕ s₃);  L = 8: ((s₀ ⊕ s₄) ⊕ (s₂ ⊕ s₆)) ⊕ ((s₁ ⊕ s₅) ⊕ (s₃ ⊕ s₇));
///               then the K mod L products left over added in order
enum SmallBatchProducts {
    /// True for the row counts these kernels cover.
    static func covers(rows: Int) -> Bool { rows == 2 || rows == 3 }

    /// Σ_k a[k·sa]·b[k·sb] in `lanes` lanes (1: the unfused chain).
    @inline(__always)
    static func dot(_ a: UnsafePointer<Float>, _ sa: Int, _ b: UnsafePointer<Float>, _ sb: Int, count k: Int,
                    lanes: Int) -> Float {
        var s = SIMD8<Float>(repeating: 0)
        let full = k - k % lanes
        var t = 0
        while t < full {
            for l in 0..<lanes { s[l] = s[l] + a[(t &+ l) &* sa] * b[(t &+ l) &* sb] }
            t &+= lanes
        }
        var total: Float
        switch lanes {
        case 8: total = ((s[0] + s[4]) + (s[2] + s[6])) + ((s[1] + s[5]) + (s[3] + s[7]))
        case 4: total = (s[0] + s[2]) + (s[1] + s[3])
        default: total = s[0]
        }
        while t < k {
            total = total + a[t &* sa] * b[t &* sb]
            t &+= 1
        }
        return total
    }

    /// The forward pass y = x·Wᵀ ⊕ b (then ReLU; `weightT` is Wᵀ [in, out]) on 2 or 3 rows, if MKL's order is known for the shape: columns in
    /// whole blocks of 4 in 4 lanes, the out mod 4 columns left over in 8 lanes (a layer of 2 or 3 outputs: all
    /// in 8). Returns false (nothing written) for one output (MKL's gemv, another order) and for a width whose
    /// leftover products were not matched: in neither below nor a multiple of the lane count.
    static func forward(x: UnsafePointer<Float>, rows: Int, inFeatures k: Int, outFeatures n: Int,
                        weightT: UnsafePointer<Float>, bias: UnsafePointer<Float>, relu: Bool,
                        y: UnsafeMutablePointer<Float>) -> Bool {
        let blocked = n - n % 4
        guard covers(rows: rows), n >= 2, blocked == 0 || k < 4 || k % 4 == 0, blocked == n || k < 8 || k % 8 == 0 else {
            return false
        }
        for r in 0..<rows {
            for j in 0..<n {
                var v = dot(x + r &* k, 1, weightT + j, n, count: k, lanes: j < blocked ? 4 : 8) + bias[j]
                if relu, v < 0 { v = 0 }
                y[r &* n &+ j] = v
            }
        }
        return true
    }

    /// The input gradient dx = g·W on 2 or 3 rows: the unfused chain over the outputs (not for one input, a gemv
    /// whose order is not known).
    static func inputGradient(g: UnsafePointer<Float>, rows: Int, inFeatures: Int, outFeatures: Int,
                              weight: UnsafePointer<Float>, dx: UnsafeMutablePointer<Float>) -> Bool {
        guard covers(rows: rows), inFeatures >= 2 else { return false }
        for r in 0..<rows {
            for i in 0..<inFeatures {
                dx[r &* inFeatures &+ i] = dot(g + r &* outFeatures, 1, weight + i, inFeatures, count: outFeatures, lanes: 1)
            }
        }
        return true
    }

    /// The weight gradient dW = gᵀ·x on 2 or 3 rows for a narrow layer (in ≤ 4 or out ≤ 3): the unfused chain
    /// over the rows. Wider layers keep the fused chain, as MKL does.
    static func weightGradient(g: UnsafePointer<Float>, x: UnsafePointer<Float>, rows: Int, inFeatures: Int,
                               outFeatures: Int, dW: UnsafeMutablePointer<Float>) -> Bool {
        guard covers(rows: rows), inFeatures <= 4 || outFeatures <= 3 else { return false }
        for j in 0..<outFeatures {
            for i in 0..<inFeatures {
                dW[j &* inFeatures &+ i] = dot(g + j, outFeatures, x + i, inFeatures, count: rows, lanes: 1)
            }
        }
        return true
    }
}
