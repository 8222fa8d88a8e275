import Testing
@testable import NumericCore

@Suite("numpy reductions")
struct NumpyReductionsTests {
    /// Values whose float64 sum depends on the order: 1e16 swallows a following 1.0.
    @Test("pairwise sum uses numpy's blocks, not a left-to-right loop")
    func pairwiseOrder() {
        // n = 16: eight partial sums r[k] = a[k] ⊕ a[k+8]; r0 = 1e16 ⊕ 1 = 1e16 (ties to even), r1…r7 = 2.
        let a = [1e16] + [Double](repeating: 1, count: 15)
        // s = ((r0⊕r1)⊕(r2⊕r3)) ⊕ ((r4⊕r5)⊕(r6⊕r7)) = ((1e16 + 2) + 4) + 8, all exact.
        #expect(NumpyReductions.sum(a) == 1e16 + 14)
        // A plain loop would lose every 1: 1e16 + 1 = 1e16 each time.
        #expect(a.reduce(0, +) == 1e16)
    }

    @Test("small runs add in order; long runs split at a multiple of 8")
    func shapes() {
        #expect(NumpyReductions.sum([Double]()) == 0)
        #expect(NumpyReductions.sum([0.1, 0.2, 0.3]) == (0.1 + 0.2) + 0.3)
        let long = (0..<1000).map { Double($0) * 0.1 }
        // 1000 → halves of 496 and 504, each pairwise; compare against the recursive definition directly.
        let expected = 0.0 + (NumpyReductions.pairwise(long, 0, 496) + NumpyReductions.pairwise(long, 496, 504))
        #expect(NumpyReductions.sum(long) == expected)
        #expect(NumpyReductions.mean([2, 4, 9]) == 5)
        #expect(NumpyReductions.std([1, 3]) == 1)
    }

    @Test("column reductions run down the rows")
    func columns() throws {
        let x = try Matrix(rows: 3, columns: 2, values: [1e16, 1, 1, 2, 1, 3])
        #expect(NumpyReductions.columnSums(x) == [(1e16 + 1) + 1, 6])
        #expect(NumpyReductions.columnMeans(x)[1] == 2)
        #expect(NumpyReductions.columnStds(x)[1] == (2.0 / 3).squareRoot())
    }

    @Test("a matrix needs rows · columns values")
    func matrixShape() {
        #expect(throws: DataError.self) { try Matrix(rows: 2, columns: 2, values: [1, 2, 3]) }
        #expect(throws: DataError.self) { try Matrix(rows: 1, columns: 2, values: [1, 2]).selectingRows([1]) }
    }
}
