import Testing
@testable import NumericCore

/// `Linear.transpose`, the forward pass's Wᵀ: 8 × 8 tiles through registers, edges element by element.
@Suite struct LinearTransposeTests {
    @Test(arguments: [(1, 1), (1, 32), (32, 1), (7, 9), (8, 8), (9, 17), (16, 24), (64, 4), (4, 64), (32, 64),
                      (64, 32), (128, 20), (20, 128), (23, 31)])
    func movesEveryElementToItsMirrorPosition(shape: (rows: Int, cols: Int)) {
        let (rows, cols) = shape
        // Every element distinct, with a few special values whose bits must survive the move unchanged.
        var src = (0..<(rows * cols)).map { Float($0) + 0.25 }
        let specials: [Float] = [-0.0, .nan, -.infinity, .leastNonzeroMagnitude]
        for (i, value) in specials.enumerated() where i * 7 < src.count { src[i * 7] = value }
        var dst = [Float](repeating: 42, count: rows * cols)
        Linear.transpose(src, rows: rows, cols: cols, into: &dst)
        for r in 0..<rows {
            for c in 0..<cols {
                #expect(dst[c * rows + r].bitPattern == src[r * cols + c].bitPattern, "(\(r), \(c)) of \(rows) × \(cols)")
            }
        }
    }
}
