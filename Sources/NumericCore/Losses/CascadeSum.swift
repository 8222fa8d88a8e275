/// torch's float32 `sum()` on CPU over a contiguous run of values — a whole tensor, or one row of a [B, C] tensor
/// summed over its last dimension — as ATen's `cascade_sum` (SumKernel.cpp) computes it with AVX2's 8 float lanes,
/// with one thread (docs/parity.md §4.3):
///
///     n ≥ 8: the first 8·⌊n/8⌋ values as vectors of 8, summed by `rowSum` (vector additions per lane);
///            then s = ((0 ⊕ tail₀) ⊕ tail₁ …) over the n mod 8 values left, then s ⊕ lane₀ ⊕ lane₁ … ⊕ lane₇
///     n < 8: `rowSum` of the scalars
///     rowSum(m values): 4 interleaved accumulators (value i goes to i mod 4) over the first 4·⌊m/4⌋, each a
///            cascade of 4 levels whose level j takes 16 sums of level j − 1; the m mod 4 left over into the
///            first accumulator, then p₀ ⊕ p₁ ⊕ p₂ ⊕ p₃
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

    /// ATen's `multi_row_sum` for 4 interleaved rows: per row 4 levels of accumulators; level 0 takes
    /// `2^power` values, then each full level is added into the next (and emptied) up to the first level whose
    /// count is not a multiple of its size; at the end the levels are added into level 0 in order.
    static func multiRowSum<T: Summand>(count size: Int, zero: T, _ load: (Int, Int) -> T) -> (T, T, T, T) {
        let levels = 4
        let power = max(4, ceilLog2(size) / levels)
        let step = 1 << power, mask = step - 1
        if size < step {
            // Only level 0 fills; the empty levels are still added at the end (x ⊕ 0 turns −0 into +0).
            var p = (zero, zero, zero, zero)
            for i in 0..<size {
                p = (p.0 + load(i, 0), p.1 + load(i, 1), p.2 + load(i, 2), p.3 + load(i, 3))
            }
            for _ in 1..<levels { p = (p.0 + zero, p.1 + zero, p.2 + zero, p.3 + zero) }
            return p
        }
        var acc = [[T]](repeating: [T](repeating: zero, count: 4), count: levels)
        var i = 0
        while i + step <= size {
            for _ in 0..<step {
                for k in 0..<4 { acc[0][k] = acc[0][k] + load(i, k) }
                i += 1
            }
            for j in 1..<levels {
                for k in 0..<4 {
                    acc[j][k] = acc[j][k] + acc[j - 1][k]
                    acc[j - 1][k] = zero
                }
                if i & (mask << (j * power)) != 0 { break }
            }
        }
        while i < size {
            for k in 0..<4 { acc[0][k] = acc[0][k] + load(i, k) }
            i += 1
        }
        for j in 1..<levels {
            for k in 0..<4 { acc[0][k] = acc[0][k] + acc[j][k] }
        }
        return (acc[0][0], acc[0][1], acc[0][2], acc[0][3])
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
