/// The one matrix product every layer uses, C = A·B (+ bias), with PyTorch's per-element rounding on this
/// machine kind (docs/parity.md §4.2): each C[i, j] is the sequential chain `acc = fma(A[i,k], B[k,j], acc)` for
/// k = 0 ..< K starting from acc = 0, and then, if a bias is given, the single addition `acc ⊕ bias[j]`,
/// and, if asked, the ReLU `max(·, 0)` of the hidden layers (fused into the store: no second pass).
///
/// Vectorising across j (SIMD8, eight output columns per register) and blocking 4 rows × 16 columns gives
/// eight independent chains in flight without changing any element's order of operations.
enum SequentialGEMM {
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

    /// C[m, n] = A[m, k] · B[k, n] (+ bias[n], then ReLU if `relu`); B is row-major with leading dimension
    /// `ldb` (contiguous in n).
    static func multiply(m: Int, n: Int, k: Int, a: Operand, b: UnsafePointer<Float>, ldb: Int,
                         bias: UnsafePointer<Float>?, relu: Bool = false, c: Output) {
        let e = Epilogue(bias: bias, relu: relu)
        var i = 0
        while i &+ 4 <= m {
            rows4(i: i, n: n, k: k, a: a, b: b, ldb: ldb, e: e, c: c)
            i &+= 4
        }
        while i < m {
            rows1(i: i, n: n, k: k, a: a, b: b, ldb: ldb, e: e, c: c)
            i &+= 1
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

    /// Four rows of C: 4 × 16 blocks (eight SIMD8 chains), then 4 × 8, then scalar columns.
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
            j &+= 8
        }
        while j < n {
            var s0: Float = 0, s1: Float = 0, s2: Float = 0, s3: Float = 0
            var bp = b + j
            for kk in 0..<k {
                let bv = bp.pointee
                s0 = s0.addingProduct(a(i, kk), bv); s1 = s1.addingProduct(a(i &+ 1, kk), bv)
                s2 = s2.addingProduct(a(i &+ 2, kk), bv); s3 = s3.addingProduct(a(i &+ 3, kk), bv)
                bp += ldb
            }
            store(s0, row: i, col: j, c, e); store(s1, row: i &+ 1, col: j, c, e)
            store(s2, row: i &+ 2, col: j, c, e); store(s3, row: i &+ 3, col: j, c, e)
            j &+= 1
        }
    }

    /// One row of C (the tail when m is not a multiple of 4).
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
            j &+= 8
        }
        while j < n {
            var s: Float = 0
            var bp = b + j
            for kk in 0..<k {
                s = s.addingProduct(a(i, kk), bp.pointee)
                bp += ldb
            }
            store(s, row: i, col: j, c, e)
            j &+= 1
        }
    }
}
