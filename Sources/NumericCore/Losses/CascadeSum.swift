/// torch's float32 `sum()` on CPU as ATen's `cascade_sum` (SumKernel.cpp) computes it with AVX2's 8 float lanes and
/// one thread (docs/parity.md §4.2, §4.3), over a contiguous run of values — a whole tensor, or one row of a [B, C]
/// tensor summed over its last dimension — (`sum`) or down the rows of a contiguous [rows, cols] tensor, `sum(0)`,
/// which is how autograd reduces `nn.Linear`'s bias gradient (`columnSums`):
///
///     sum, n ≥ 8: the first 8·⌊n/8⌋ values as vectors of 8, summed by `rowSum` (vector additions per lane);
///            then s = ((0 ⊕ tail₀) ⊕ tail₁ …) over the n mod 8 values left, then s ⊕ lane₀ ⊕ lane₁ … ⊕ lane₇
///     sum, n < 8: `rowSum` of the scalars
///     rowSum(m values): 4 interleaved accumulators (value i goes to i mod 4) over the first 4·⌊m/4⌋, each a
///            cascade of 4 levels whose level j takes 16 sums of level j − 1; the m mod 4 left over into the
///            first accumulator, then p₀ ⊕ p₁ ⊕ p₂ ⊕ p₃
///     multiRowSum: 4 columns side by side, each one cascade over the rows in order (no interleaving)
///     columnSums, 1 column: `sum` of the column (it is a contiguous run)
///     columnSums, 8 or more columns ("vectorised outer sum"): blocks of 32 columns as 4 vectors of 8 lanes, a
///            `multiRowSum` over the rows; then blocks of 8 columns, a vector `rowSum` over the rows; then each
///            remaining column a scalar `rowSum`
///     columnSums, 2 to 7 columns ("scalar outer sum"): blocks of 4 columns, a `multiRowSum`; the rest a `rowSum`
///
/// Every ⊕ is a float32 addition; the vector form does the same per lane. The result starts from the output's
/// 0 (`0 ⊕ s`).
enum CascadeSum {
    /// Float lanes of one AVX2 vector.
    static let lanes = 8

    /// Σ v(i) for i in 0..<count, in ATen's order.
    static func sum(count n: Int, _ v: (Int) -> Float) -> Float {
        guard n >= lanes else { return 0 + rowSum(count: n, zero: Float(0), v) }
        let vectors = n / lanes
        let accumulated = rowSum(count: vectors, zero: SIMD8<Float>()) { i in
            var block = SIMD8<Float>()
            for k in 0..<8 { block[k] = v(i &* 8 &+ k) }
            return block
        }
        var s: Float = 0
        for i in (vectors &* lanes)..<n { s += v(i) }
        for k in 0..<8 { s += accumulated[k] }
        return 0 + s
    }

    /// ATen's `row_sum`: four interleaved cascades (`multiRowSum`), the remainder, then their sum.
    static func rowSum<T: Summand>(count size: Int, zero: T, _ load: (Int) -> T) -> T {
        let ilp = 4
        let rows = size / ilp
        var partial = multiRowSum(count: rows, zero: zero) { i, k in load(i &* ilp &+ k) }
        for i in (rows &* ilp)..<size { partial.0 = partial.0 + load(i) }
        return ((partial.0 + partial.1) + partial.2) + partial.3
    }

    /// ATen's `multi_row_sum` for 4 rows side by side: per row 4 levels of accumulators; level 0 takes
    /// `2^power` values, then each full level is added into the next (and emptied) up to the first level whose
    /// count is not a multiple of its size; at the end the levels are added into level 0 in order (also the empty
    /// ones: x ⊕ 0 turns −0 into +0).
    static func multiRowSum<T: Summand>(count size: Int, zero: T, _ load: (Int, Int) -> T) -> (T, T, T, T) {
        let levels = 4, width = 4
        let power = max(4, ceilLog2(size) / levels)
        let step = 1 << power, mask = step - 1
        return withUnsafeTemporaryAllocation(of: T.self, capacity: levels * width) { buffer in
            // acc[j·4 + k]: level j of row k.
            let acc = buffer.baseAddress!
            acc.initialize(repeating: zero, count: levels * width)
            var i = 0
            while i + step <= size {
                for _ in 0..<step {
                    for k in 0..<width { acc[k] = acc[k] + load(i, k) }
                    i += 1
                }
                for j in 1..<levels {
                    for k in 0..<width {
                        acc[j &* width &+ k] = acc[j &* width &+ k] + acc[(j &- 1) &* width &+ k]
                        acc[(j &- 1) &* width &+ k] = zero
                    }
                    if i & (mask << (j * power)) != 0 { break }
                }
            }
            while i < size {
                for k in 0..<width { acc[k] = acc[k] + load(i, k) }
                i += 1
            }
            for j in 1..<levels {
                for k in 0..<width { acc[k] = acc[k] + acc[j &* width &+ k] }
            }
            return (acc[0], acc[1], acc[2], acc[3])
        }
    }

    /// torch's `g.sum(0)` of a contiguous [rows, cols] float32 tensor into `out[0 ..< cols]` (ATen's
    /// `vectorized_outer_sum` and `scalar_outer_sum`; with one column the run is contiguous and `sum` applies).
    /// Measured equal to torch for every shape of `layers_bias_gradient.json`, including 2 threads: torch splits
    /// this reduction between threads only for one column of more than 32 768 rows, which the core does not model.
    static func columnSums(_ g: UnsafePointer<Float>, rows: Int, cols: Int, into out: UnsafeMutablePointer<Float>) {
        guard rows > 0 else {
            out.update(repeating: 0, count: cols)
            return
        }
        if cols == 1 {
            out[0] = sum(count: rows) { g[$0] }
            return
        }
        func vector(_ row: Int, _ col: Int) -> SIMD8<Float> {
            UnsafeRawPointer(g + (row &* cols &+ col)).loadUnaligned(as: SIMD8<Float>.self)
        }
        func store(_ v: SIMD8<Float>, at col: Int) {
            for l in 0..<lanes { out[col &+ l] = 0 + v[l] }
        }
        var j = 0
        if cols >= lanes {
            while j + 4 * lanes <= cols {
                let s = multiRowSum(count: rows, zero: SIMD8<Float>()) { i, k in vector(i, j &+ k &* lanes) }
                store(s.0, at: j)
                store(s.1, at: j + lanes)
                store(s.2, at: j + 2 * lanes)
                store(s.3, at: j + 3 * lanes)
                j += 4 * lanes
            }
            while j + lanes <= cols {
                store(rowSum(count: rows, zero: SIMD8<Float>()) { i in vector(i, j) }, at: j)
                j += lanes
            }
        } else {
            while j + 4 <= cols {
                let s = multiRowSum(count: rows, zero: Float(0)) { i, k in g[i &* cols &+ j &+ k] }
                (out[j], out[j + 1], out[j + 2], out[j + 3]) = (0 + s.0, 0 + s.1, 0 + s.2, 0 + s.3)
                j += 4
            }
        }
        while j < cols {
            out[j] = 0 + rowSum(count: rows, zero: Float(0)) { i in g[i &* cols &+ j] }
            j += 1
        }
    }

    /// ATen's `CeilLog2`: 1 up to 2, else ⌊log₂(x − 1)⌋ + 1.
    static func ceilLog2(_ x: Int) -> Int {
        x <= 2 ? 1 : (Int.bitWidth - (x - 1).leadingZeroBitCount)
    }
}

/// A float32 or a vector of float32 lanes, added lane by lane.
protocol Summand { static func + (a: Self, b: Self) -> Self }
extension Float: Summand {}
extension SIMD8: Summand where Scalar == Float {}
