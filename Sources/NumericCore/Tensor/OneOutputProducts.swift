import CWideFMA

/// torch's products for a Linear layer of one output (the regressions' and the binary classifiers' last layer), where
/// MKL leaves the fused chain of `SequentialGEMM` for its gemv-like kernels (docs/parity.md §4.2b, measured with
/// `scripts/reference/first_module_products_probe.py` and `one_output_orders_probe.py` on an AVX-512 machine; pinned
/// by `layers_one_output.json`).
///
///     forward, y_r = Σ_k x[r, k]·w[k] ⊕ b:
///         s = x₀ ⊗ w₀; the other K − 1 products in 16 lanes, lane l of vector v taking k = 1 + 16v + l:
///         while 16 or more are left, whole vectors fused into one register seeded [s, 0, …, 0]; that register is
///         halved (lanes l ⊕ l+8, then l ⊕ l+4, l ⊕ l+2, l ⊕ l+1) to the new s; the last 1…15 products the same in
///         one more register seeded [s, 0, …]; then ⊕ b (the rows in whole blocks of 4; the 1 … 3 rows after them
///         take the order of `tailRow`, OneOutputTailRows.swift)
///     weight gradient, dW[k] = Σ_r g[r]·x[r, k], on 8 rows or more, in blocks of 8 rows o … o+7:
///         S = fma(x₄g₄, fma(x₆g₆, S));  S = S ⊕ fma(x₅g₅, x₇ ⊗ g₇);
///         S = S ⊕ (fma(x₀g₀, x₂ ⊗ g₂) ⊕ fma(x₁g₁, x₃ ⊗ g₃));  then the rows left over fused in order;
///         the columns past the last multiple of 16 (and every column when in < 16) the fused chain over the rows
enum OneOutputProducts {
    /// y[r] = f32(Σ_k x[r, k]·w[k] ⊕ b) (then ReLU) for a layer of one output: the whole blocks of 4 rows in the order
    /// above, the 1 … 3 rows after them in `tailRow`'s (one row alone is such a row). `lanes` 16 runs the blocks in C
    /// (`wide_one_output_forward`, AVX-512 only), with the same bits.
    static func forward(x: UnsafePointer<Float>, rows: Int, inFeatures k: Int, outFeatures n: Int,
                        weight w: UnsafePointer<Float>, bias: UnsafePointer<Float>, relu: Bool,
                        y: UnsafeMutablePointer<Float>, lanes: SequentialGEMM.Lanes = SequentialGEMM.widestLanes) -> Bool {
        guard n == 1, k >= 1, rows >= 1 else { return false }
        let blocks = rows - rows % 4
        for r in blocks..<rows {
            y[r] = tailRow(x + r &* k, inFeatures: k, weight: w, bias: bias[0], tailIndex: r &- blocks, relu: relu)
        }
        blockRows(x: x, rows: blocks, inFeatures: k, weight: w, bias: bias, relu: relu, y: y, lanes: lanes)
        return true
    }

    /// The forward pass's rows in whole blocks of 4 (every row the same order, so any number of rows can be given).
    static func blockRows(x: UnsafePointer<Float>, rows: Int, inFeatures k: Int, weight w: UnsafePointer<Float>,
                          bias: UnsafePointer<Float>, relu: Bool, y: UnsafeMutablePointer<Float>,
                          lanes: SequentialGEMM.Lanes = SequentialGEMM.widestLanes) {
        guard rows > 0 else { return }
        if lanes == .sixteen {
            wide_one_output_forward(rows, k, x, w, bias[0], relu ? 1 : 0, y)
            return
        }
        let b = bias[0]
        let whole = (k &- 1) / 16, left = (k &- 1) % 16    // vectors of 16 products, then the last 1 … 15
        let tail = 1 &+ 16 &* whole
        // The last 1 … 15 products' operands in registers whose missing lanes are zero: the weights once, each
        // row's inputs copied into the zeroed scratch (the same lanes every row, so the rest stays zero).
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 32) { scratch in
            let xs = scratch.baseAddress!, ws = xs + 16
            xs.initialize(repeating: 0, count: 32)
            ws.update(from: w + tail, count: left)
            let wTail = load16(ws)
            let pastTheLast = SIMD16<Int32>(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15) .>= Int32(left)
            for r in 0..<rows {
                let row = x + r &* k
                var s = row[0] * w[0]
                if whole > 0 {
                    var acc = SIMD16<Float>()
                    acc[0] = s
                    for v in 0..<whole {
                        let t = 1 &+ 16 &* v
                        acc = acc.addingProduct(load16(row + t), load16(w + t))
                    }
                    s = halve(acc)
                }
                if left > 0 {
                    // Rows whose next 16 floats lie inside `x` load them whole and zero the lanes past the last
                    // product; the last rows copy theirs into the scratch instead of reading past the end.
                    let xTail: SIMD16<Float>
                    if r &* k &+ tail &+ 16 <= rows &* k {
                        xTail = load16(row + tail).replacing(with: 0, where: pastTheLast)
                    } else {
                        xs.update(from: row + tail, count: left)
                        xTail = load16(xs)
                    }
                    var acc = SIMD16<Float>()
                    acc[0] = s
                    s = halve(acc.addingProduct(xTail, wTail))
                }
                var v = s + b
                if relu, v < 0 { v = 0 }
                y[r] = v
            }
        }
    }

    /// dW[k] = Σ_r g[r]·x[r, k] for a layer of one output on 8 rows or more with 16 inputs or more: the columns in
    /// whole blocks of 16 in the blocks-of-8-rows order above, the k mod 16 after them the fused chain over the rows;
    /// false (nothing written) otherwise (fewer rows or inputs: every column the fused chain, `SequentialGEMM`'s).
    static func weightGradient(g: UnsafePointer<Float>, x: UnsafePointer<Float>, rows: Int, inFeatures k: Int,
                               outFeatures n: Int, dW: UnsafeMutablePointer<Float>) -> Bool {
        guard n == 1, rows >= 8, k >= 16 else { return false }
        let whole = rows - rows % 8, columns = k - k % 16
        for c in columns..<k {
            var s: Float = 0
            for r in 0..<rows { s = s.addingProduct(x[r &* k &+ c], g[r]) }
            dW[c] = s
        }
        var c = 0
        while c < columns {
            @inline(__always) func xs(_ r: Int) -> SIMD8<Float> { UnsafeRawPointer(x + (r &* k &+ c)).loadUnaligned(as: SIMD8<Float>.self) }
            @inline(__always) func gs(_ r: Int) -> SIMD8<Float> { SIMD8(repeating: g[r]) }
            var s = SIMD8<Float>()
            var o = 0
            while o < whole {
                s = s.addingProduct(xs(o &+ 6), gs(o &+ 6))
                s = s.addingProduct(xs(o &+ 4), gs(o &+ 4))
                s = s + (xs(o &+ 7) * gs(o &+ 7)).addingProduct(xs(o &+ 5), gs(o &+ 5))
                let even = (xs(o &+ 2) * gs(o &+ 2)).addingProduct(xs(o), gs(o))
                let odd = (xs(o &+ 3) * gs(o &+ 3)).addingProduct(xs(o &+ 1), gs(o &+ 1))
                s = s + (even + odd)
                o &+= 8
            }
            for r in whole..<rows { s = s.addingProduct(xs(r), gs(r)) }
            UnsafeMutableRawPointer(dW + c).storeBytes(of: s, as: SIMD8<Float>.self)
            c &+= 8
        }
        return true
    }

    @inline(__always)
    private static func load16(_ p: UnsafePointer<Float>) -> SIMD16<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD16<Float>.self)
    }

    /// The lanes added as a halving tree: l ⊕ l+8, then l ⊕ l+4, l ⊕ l+2, l ⊕ l+1.
    @inline(__always)
    static func halve(_ v: SIMD16<Float>) -> Float {
        let h8 = v.lowHalf + v.highHalf
        let h4 = h8.lowHalf + h8.highHalf
        let h2 = h4.lowHalf + h4.highHalf
        return h2[0] + h2[1]
    }
}
