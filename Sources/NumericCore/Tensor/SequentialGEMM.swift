import CWideFMA

/// The matrix product every layer uses, C = A·B (+ bias), with PyTorch's per-element rounding on this
/// machine kind (docs/parity.md §4.2; on batches of 2 or 3 rows MKL sums some shapes in other orders, which
/// `SmallBatchProducts` takes first): each C[i, j] is the sequential chain `acc = fma(A[i,k], B[k,j], acc)` for
/// k = 0 ..< K starting from acc = 0, and then, if a bias is given, the single addition `acc ⊕ bias[j]`,
/// and, if asked, the ReLU `max(·, 0)` of the hidden layers (fused into the store: no second pass).
///
/// Vectorising across j (SIMD8, eight output columns per register) and blocking 6 rows × 16 columns gives
/// twelve independent chains in flight (enough to keep both FMA units of this machine kind busy: an FMA's
/// latency is 5 cycles, two issue per cycle) without changing any element's order of operations. Columns past
/// the last multiple of 8 (the one-output layer's whole product) run as eight scalar chains over eight rows.
/// On a CPU with AVX-512F the columns in whole blocks of 16 go to `wide_fma_multiply` (C, `Sources/CWideFMA`):
/// the same blocks with sixteen lanes to a register, the same chains, twice the work per instruction.
enum SequentialGEMM {
    /// How many float lanes the widest kernel uses: 16 with AVX-512F, else 8.
    enum Lanes: Sendable { case eight, sixteen }

    /// The widest kernel this CPU runs, checked once.
    static let widestLanes: Lanes = wide_fma_available() != 0 ? .sixteen : .eight

    /// A strided read-only matrix view: element (i, k) at `base[i * rowStride + k * colStride]`.
    struct Operand {
        let base: UnsafePointer<Float>
        let rowStride: Int
        let colStride: Int
        @inline(__always) func callAsFunction(_ i: Int, _ k: Int) -> Float { base[i &* rowStride &+ k &* colStride] }
    }

    /// A strided output view; `colStride == 1` stores eight columns at once.
    struct Output {
        let base: UnsafeMutablePointer<Float>
        let rowStride: Int
        let colStride: Int
    }

    /// What happens to each finished chain before it is stored: `acc ⊕ bias[j]` if a bias is given, then
    /// `max(·, 0)` if `relu` (torch's `nn.ReLU`: NaN and −0 pass through unchanged).
    struct Epilogue {
        let bias: UnsafePointer<Float>?
        let relu: Bool
    }

    /// C[m, n] = A[m, k] · B[k, n] (+ bias[n], then ReLU if `relu`; then the ReLU's backward mask if `reluOutput`
    /// is given, an [m, n] tensor with C's strides); B is row-major with leading dimension `ldb` (contiguous in n).
    static func multiply(m: Int, n: Int, k: Int, a: Operand, b: UnsafePointer<Float>, ldb: Int,
                         bias: UnsafePointer<Float>?, relu: Bool = false, reluOutput: UnsafePointer<Float>? = nil,
                         c: Output, lanes: Lanes = widestLanes) {
        let sixteens = lanes == .sixteen && m > 0 ? n & ~15 : 0    // columns in whole 16-lane registers
        if sixteens > 0 {
            wide_fma_multiply(m, sixteens, k, a.base, a.rowStride, a.colStride, b, ldb, bias, relu ? 1 : 0, reluOutput,
                              c.base, c.rowStride, c.colStride)
            if sixteens == n { return }
        }
        let skip = sixteens &* c.colStride
        let rest = Output(base: c.base + skip, rowStride: c.rowStride, colStride: c.colStride)
        multiplyEightLanes(m: m, n: n - sixteens, k: k, a: a, b: b + sixteens, ldb: ldb,
                           e: Epilogue(bias: bias.map { $0 + sixteens }, relu: relu), c: rest)
        // The eight-lane blocks store unmasked (a mask in their store costs more than this second pass).
        if let reluOutput { maskByReLUOutput(reluOutput + skip, m: m, n: n - sixteens, c: rest) }
    }

    /// C[i, j] ← 0 where y[i, j] (laid out as C) is not above 0: `ReLU.backward` over the block.
    private static func maskByReLUOutput(_ y: UnsafePointer<Float>, m: Int, n: Int, c: Output) {
        if c.colStride == 1, c.rowStride == n {
            ReLU.backward(c.base, output: y, count: m &* n)
            return
        }
        for i in 0..<m {
            for j in 0..<n {
                let at = i &* c.rowStride &+ j &* c.colStride
                if !(y[at] > 0) { c.base[at] = 0 }
            }
        }
    }

    /// `multiply` on SIMD8 registers and scalar chains.
    @inline(__always)
    private static func multiplyEightLanes(m: Int, n: Int, k: Int, a: Operand, b: UnsafePointer<Float>, ldb: Int,
                                           e: Epilogue, c: Output) {
        let wide = n & ~7                                            // columns in whole SIMD8 registers
        if wide > 0 {
            let blocks = RowBlocks(m)
            var i = 0
            for _ in 0..<blocks.sixes { rows6(i: i, n: wide, k: k, a: a, b: b, ldb: ldb, e: e, c: c); i &+= 6 }
            for _ in 0..<blocks.fours { rows4(i: i, n: wide, k: k, a: a, b: b, ldb: ldb, e: e, c: c); i &+= 4 }
            while i < m { rows1(i: i, n: wide, k: k, a: a, b: b, ldb: ldb, e: e, c: c); i &+= 1 }
        }
        tailColumns(from: wide, to: n, m: m, k: k, a: a, b: b, ldb: ldb, e: e, c: c)
    }

    /// The columns past the last multiple of 8 (`first..<n`; the two-output layer's whole product), eight rows at a
    /// time: the rows' entries of A packed once into a panel, one row per lane, then each column is eight chains in one
    /// register. Lane r is row r's chain `acc = fma(A[i, kk], B[kk, j], acc)` from 0, as in `column`, so the bits are
    /// the same; the rows left over (fewer than eight) go through `column`.
    @inline(__always)
    private static func tailColumns(from first: Int, to n: Int, m: Int, k: Int, a: Operand, b: UnsafePointer<Float>, ldb: Int,
                                    e: Epilogue, c: Output) {
        guard first < n else { return }
        var i = 0
        if m >= 8, k > 0 {
            withUnsafeTemporaryAllocation(of: SIMD8<Float>.self, capacity: k) { panel in
                while i &+ 8 <= m {
                    for kk in 0..<k {
                        panel[kk] = SIMD8(a(i, kk), a(i &+ 1, kk), a(i &+ 2, kk), a(i &+ 3, kk),
                                          a(i &+ 4, kk), a(i &+ 5, kk), a(i &+ 6, kk), a(i &+ 7, kk))
                    }
                    for j in first..<n {
                        var acc = SIMD8<Float>()
                        var bp = b + j
                        for kk in 0..<k {
                            acc = acc.addingProduct(panel[kk], SIMD8(repeating: bp.pointee))
                            bp += ldb
                        }
                        for r in 0..<8 { store(acc[r], row: i &+ r, col: j, c, e) }
                    }
                    i &+= 8
                }
            }
        }
        for j in first..<n { column(j: j, rows: i..<m, k: k, a: a, b: b, ldb: ldb, e: e, c: c) }
    }

    /// How `m` rows split into blocks of 6, then 4, then single rows, with as few single rows as possible
    /// (m = 32: four 6s and two 4s rather than five 6s and two single rows, whose two chains would wait on
    /// the FMA latency).
    struct RowBlocks: Equatable {
        let sixes: Int, fours: Int, ones: Int
        init(sixes: Int, fours: Int, ones: Int) { (self.sixes, self.fours, self.ones) = (sixes, fours, ones) }
        init(_ m: Int) {
            let fours: Int
            switch m % 6 {
            case 2, 3: fours = m >= 8 ? 2 : 0
            case 4, 5: fours = 1
            default: fours = 0
            }
            sixes = (m - 4 * fours) / 6
            self.fours = fours
            ones = m - 6 * sixes - 4 * fours
        }
    }

    @inline(__always)
    private static func load(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
    }

    @inline(__always)
    private static func store(_ v: SIMD8<Float>, row: Int, col: Int, _ c: Output, _ e: Epilogue) {
        var v = v
        if let bias = e.bias { v = v + load(bias + col) }        // f32(chain ⊕ b_j), one rounding each
        if e.relu { v.replace(with: 0, where: v .< 0) }          // x < 0 ? 0 : x, lane by lane
        let p = c.base + (row &* c.rowStride &+ col &* c.colStride)
        if c.colStride == 1 {
            UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD8<Float>.self)
        } else {
            for l in 0..<8 { p[l &* c.colStride] = v[l] }
        }
    }

    @inline(__always)
    private static func store(_ v: Float, row: Int, col: Int, _ c: Output, _ e: Epilogue) {
        var v = v
        if let bias = e.bias { v = v + bias[col] }
        if e.relu, v < 0 { v = 0 }
        c.base[row &* c.rowStride &+ col &* c.colStride] = v
    }

    /// Six rows of C over `n` (a multiple of 8) columns: 6 × 16 blocks (twelve SIMD8 chains), then 6 × 8.
    @inline(__always)
    private static func rows6(i: Int, n: Int, k: Int, a: Operand, b: UnsafePointer<Float>, ldb: Int,
                              e: Epilogue, c: Output) {
        var j = 0
        while j &+ 16 <= n {
            var c00 = SIMD8<Float>(), c01 = SIMD8<Float>(), c10 = SIMD8<Float>(), c11 = SIMD8<Float>()
            var c20 = SIMD8<Float>(), c21 = SIMD8<Float>(), c30 = SIMD8<Float>(), c31 = SIMD8<Float>()
            var c40 = SIMD8<Float>(), c41 = SIMD8<Float>(), c50 = SIMD8<Float>(), c51 = SIMD8<Float>()
            var bp = b + j
            for kk in 0..<k {
                let b0 = load(bp), b1 = load(bp + 8)
                var av = SIMD8(repeating: a(i, kk))
                c00 = c00.addingProduct(av, b0); c01 = c01.addingProduct(av, b1)
                av = SIMD8(repeating: a(i &+ 1, kk))
                c10 = c10.addingProduct(av, b0); c11 = c11.addingProduct(av, b1)
                av = SIMD8(repeating: a(i &+ 2, kk))
                c20 = c20.addingProduct(av, b0); c21 = c21.addingProduct(av, b1)
                av = SIMD8(repeating: a(i &+ 3, kk))
                c30 = c30.addingProduct(av, b0); c31 = c31.addingProduct(av, b1)
                av = SIMD8(repeating: a(i &+ 4, kk))
                c40 = c40.addingProduct(av, b0); c41 = c41.addingProduct(av, b1)
                av = SIMD8(repeating: a(i &+ 5, kk))
                c50 = c50.addingProduct(av, b0); c51 = c51.addingProduct(av, b1)
                bp += ldb
            }
            store(c00, row: i, col: j, c, e); store(c01, row: i, col: j &+ 8, c, e)
            store(c10, row: i &+ 1, col: j, c, e); store(c11, row: i &+ 1, col: j &+ 8, c, e)
            store(c20, row: i &+ 2, col: j, c, e); store(c21, row: i &+ 2, col: j &+ 8, c, e)
            store(c30, row: i &+ 3, col: j, c, e); store(c31, row: i &+ 3, col: j &+ 8, c, e)
            store(c40, row: i &+ 4, col: j, c, e); store(c41, row: i &+ 4, col: j &+ 8, c, e)
            store(c50, row: i &+ 5, col: j, c, e); store(c51, row: i &+ 5, col: j &+ 8, c, e)
            j &+= 16
        }
        if j < n {
            var c0 = SIMD8<Float>(), c1 = SIMD8<Float>(), c2 = SIMD8<Float>()
            var c3 = SIMD8<Float>(), c4 = SIMD8<Float>(), c5 = SIMD8<Float>()
            var bp = b + j
            for kk in 0..<k {
                let b0 = load(bp)
                c0 = c0.addingProduct(SIMD8(repeating: a(i, kk)), b0)
                c1 = c1.addingProduct(SIMD8(repeating: a(i &+ 1, kk)), b0)
                c2 = c2.addingProduct(SIMD8(repeating: a(i &+ 2, kk)), b0)
                c3 = c3.addingProduct(SIMD8(repeating: a(i &+ 3, kk)), b0)
                c4 = c4.addingProduct(SIMD8(repeating: a(i &+ 4, kk)), b0)
                c5 = c5.addingProduct(SIMD8(repeating: a(i &+ 5, kk)), b0)
                bp += ldb
            }
            store(c0, row: i, col: j, c, e); store(c1, row: i &+ 1, col: j, c, e)
            store(c2, row: i &+ 2, col: j, c, e); store(c3, row: i &+ 3, col: j, c, e)
            store(c4, row: i &+ 4, col: j, c, e); store(c5, row: i &+ 5, col: j, c, e)
        }
    }

    /// Four rows of C over `n` (a multiple of 8) columns: 4 × 16 blocks (eight SIMD8 chains), then 4 × 8.
    @inline(__always)
    private static func rows4(i: Int, n: Int, k: Int, a: Operand, b: UnsafePointer<Float>, ldb: Int,
                              e: Epilogue, c: Output) {
        var j = 0
        while j &+ 16 <= n {
            var c00 = SIMD8<Float>(), c01 = SIMD8<Float>(), c10 = SIMD8<Float>(), c11 = SIMD8<Float>()
            var c20 = SIMD8<Float>(), c21 = SIMD8<Float>(), c30 = SIMD8<Float>(), c31 = SIMD8<Float>()
            var bp = b + j
            for kk in 0..<k {
                let b0 = load(bp), b1 = load(bp + 8)
                let a0 = SIMD8(repeating: a(i, kk)), a1 = SIMD8(repeating: a(i &+ 1, kk))
                let a2 = SIMD8(repeating: a(i &+ 2, kk)), a3 = SIMD8(repeating: a(i &+ 3, kk))
                c00 = c00.addingProduct(a0, b0); c01 = c01.addingProduct(a0, b1)
                c10 = c10.addingProduct(a1, b0); c11 = c11.addingProduct(a1, b1)
                c20 = c20.addingProduct(a2, b0); c21 = c21.addingProduct(a2, b1)
                c30 = c30.addingProduct(a3, b0); c31 = c31.addingProduct(a3, b1)
                bp += ldb
            }
            store(c00, row: i, col: j, c, e); store(c01, row: i, col: j &+ 8, c, e)
            store(c10, row: i &+ 1, col: j, c, e); store(c11, row: i &+ 1, col: j &+ 8, c, e)
            store(c20, row: i &+ 2, col: j, c, e); store(c21, row: i &+ 2, col: j &+ 8, c, e)
            store(c30, row: i &+ 3, col: j, c, e); store(c31, row: i &+ 3, col: j &+ 8, c, e)
            j &+= 16
        }
        if j &+ 8 <= n {
            var c0 = SIMD8<Float>(), c1 = SIMD8<Float>(), c2 = SIMD8<Float>(), c3 = SIMD8<Float>()
            var bp = b + j
            for kk in 0..<k {
                let b0 = load(bp)
                c0 = c0.addingProduct(SIMD8(repeating: a(i, kk)), b0)
                c1 = c1.addingProduct(SIMD8(repeating: a(i &+ 1, kk)), b0)
                c2 = c2.addingProduct(SIMD8(repeating: a(i &+ 2, kk)), b0)
                c3 = c3.addingProduct(SIMD8(repeating: a(i &+ 3, kk)), b0)
                bp += ldb
            }
            store(c0, row: i, col: j, c, e); store(c1, row: i &+ 1, col: j, c, e)
            store(c2, row: i &+ 2, col: j, c, e); store(c3, row: i &+ 3, col: j, c, e)
        }
    }

    /// One row of C over `n` (a multiple of 8) columns.
    @inline(__always)
    private static func rows1(i: Int, n: Int, k: Int, a: Operand, b: UnsafePointer<Float>, ldb: Int,
                              e: Epilogue, c: Output) {
        var j = 0
        while j &+ 16 <= n {
            var c0 = SIMD8<Float>(), c1 = SIMD8<Float>()
            var bp = b + j
            for kk in 0..<k {
                let av = SIMD8(repeating: a(i, kk))
                c0 = c0.addingProduct(av, load(bp)); c1 = c1.addingProduct(av, load(bp + 8))
                bp += ldb
            }
            store(c0, row: i, col: j, c, e); store(c1, row: i, col: j &+ 8, c, e)
            j &+= 16
        }
        if j &+ 8 <= n {
            var c0 = SIMD8<Float>()
            var bp = b + j
            for kk in 0..<k {
                c0 = c0.addingProduct(SIMD8(repeating: a(i, kk)), load(bp))
                bp += ldb
            }
            store(c0, row: i, col: j, c, e)
        }
    }

    /// Column j of C (a column past the last multiple of 8) over `rows`, eight rows at a time: eight scalar chains in
    /// flight instead of one waiting on the FMA latency.
    @inline(__always)
    private static func column(j: Int, rows: Range<Int>, k: Int, a: Operand, b: UnsafePointer<Float>, ldb: Int,
                               e: Epilogue, c: Output) {
        var i = rows.lowerBound
        let m = rows.upperBound
        while i &+ 8 <= m {
            var s0: Float = 0, s1: Float = 0, s2: Float = 0, s3: Float = 0
            var s4: Float = 0, s5: Float = 0, s6: Float = 0, s7: Float = 0
            var bp = b + j
            for kk in 0..<k {
                let bv = bp.pointee
                s0 = s0.addingProduct(a(i, kk), bv); s1 = s1.addingProduct(a(i &+ 1, kk), bv)
                s2 = s2.addingProduct(a(i &+ 2, kk), bv); s3 = s3.addingProduct(a(i &+ 3, kk), bv)
                s4 = s4.addingProduct(a(i &+ 4, kk), bv); s5 = s5.addingProduct(a(i &+ 5, kk), bv)
                s6 = s6.addingProduct(a(i &+ 6, kk), bv); s7 = s7.addingProduct(a(i &+ 7, kk), bv)
                bp += ldb
            }
            store(s0, row: i, col: j, c, e); store(s1, row: i &+ 1, col: j, c, e)
            store(s2, row: i &+ 2, col: j, c, e); store(s3, row: i &+ 3, col: j, c, e)
            store(s4, row: i &+ 4, col: j, c, e); store(s5, row: i &+ 5, col: j, c, e)
            store(s6, row: i &+ 6, col: j, c, e); store(s7, row: i &+ 7, col: j, c, e)
            i &+= 8
        }
        while i < m {
            var s: Float = 0
            var bp = b + j
            for kk in 0..<k {
                s = s.addingProduct(a(i, kk), bp.pointee)
                bp += ldb
            }
            store(s, row: i, col: j, c, e)
            i &+= 1
        }
    }
}
