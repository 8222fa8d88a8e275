import Testing
@testable import NumericCore

/// The blocked SIMD product keeps each element's sequential FMA chain (docs/parity.md §4.2) for every tail shape.
@Suite struct SequentialGEMMTests {
    /// A deterministic spread of float32 values with many significant bits.
    static func values(_ n: Int, seed: UInt32) -> [Float] {
        var s = seed
        return (0..<n).map { _ in
            s = s &* 1_664_525 &+ 1_013_904_223
            return Float(Int32(bitPattern: s) >> 8) / Float(1 << 22)
        }
    }

    /// Every row split of `RowBlocks` (6s, 4s and single rows: m = 1 … 17, 32, 64, 1600), column counts with and
    /// without whole 16- and 8-wide blocks and a scalar tail, and chains of length 1 to 64.
    static let shapes = [(1, 1, 1), (3, 5, 7), (4, 16, 9), (7, 24, 3), (9, 33, 20), (13, 8, 1), (5, 1, 64), (6, 19, 2),
                         (6, 16, 5), (13, 41, 11), (64, 64, 20), (2, 17, 4), (8, 40, 6), (10, 9, 3), (11, 23, 5),
                         (12, 32, 8), (14, 7, 9), (15, 48, 2), (16, 1, 32), (17, 25, 13), (32, 64, 64), (64, 1, 32),
                         (1600, 1, 32), (1600, 32, 64)]

    @Test(arguments: shapes)
    func matchesTheScalarChain(shape: (Int, Int, Int)) {
        check(shape, relu: false)
    }

    /// The fused ReLU gives the bits of the product followed by a separate `max(·, 0)` pass (−0 and NaN kept).
    @Test(arguments: shapes)
    func fusedReLUMatchesASecondPass(shape: (Int, Int, Int)) {
        check(shape, relu: true)
    }

    /// Strided operands as the weight gradient uses them: A read down its columns (gᵀ), C written transposed.
    @Test(arguments: shapes)
    func stridedOperandsKeepTheChain(shape: (Int, Int, Int)) {
        let (m, n, k) = shape
        let a = Self.values(k * m, seed: 4), b = Self.values(k * n, seed: 5)   // A stored [k, m]: A(i, kk) = a[kk * m + i]
        var c = [Float](repeating: .nan, count: n * m)                       // C stored [n, m]: C(i, j) = c[j * m + i]
        a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                c.withUnsafeMutableBufferPointer { cp in
                    SequentialGEMM.multiply(m: m, n: n, k: k, a: .init(base: ap.baseAddress!, rowStride: 1, colStride: m),
                                            b: bp.baseAddress!, ldb: n, bias: nil,
                                            c: .init(base: cp.baseAddress!, rowStride: 1, colStride: m))
                }
            }
        }
        var expected = [Float](repeating: 0, count: n * m)
        for i in 0..<m {
            for j in 0..<n {
                var acc: Float = 0
                for kk in 0..<k { acc = acc.addingProduct(a[kk * m + i], b[kk * n + j]) }
                expected[j * m + i] = acc
            }
        }
        #expect(bits(c) == bits(expected))
    }

    /// Rows split into as many 6-row blocks as leave no single rows when 4-row blocks can take them.
    @Test func rowBlocksCoverEveryRowWithFewSingles() {
        for m in 0...200 {
            let blocks = SequentialGEMM.RowBlocks(m)
            #expect(6 * blocks.sixes + 4 * blocks.fours + blocks.ones == m)
            #expect(blocks.ones <= (m < 8 ? 3 : 1), "m = \(m)")
        }
        #expect(SequentialGEMM.RowBlocks(32) == .init(sixes: 4, fours: 2, ones: 0))
        #expect(SequentialGEMM.RowBlocks(64) == .init(sixes: 10, fours: 1, ones: 0))
    }

    func check(_ shape: (Int, Int, Int), relu: Bool) {
        let (m, n, k) = shape
        let a = Self.values(m * k, seed: 1), b = Self.values(k * n, seed: 2), bias = Self.values(n, seed: 3)
        var c = [Float](repeating: .nan, count: m * n)
        a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                bias.withUnsafeBufferPointer { biasp in
                    c.withUnsafeMutableBufferPointer { cp in
                        SequentialGEMM.multiply(m: m, n: n, k: k, a: .init(base: ap.baseAddress!, rowStride: k, colStride: 1),
                                                b: bp.baseAddress!, ldb: n, bias: biasp.baseAddress!, relu: relu,
                                                c: .init(base: cp.baseAddress!, rowStride: n, colStride: 1))
                    }
                }
            }
        }
        var expected = [Float](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n {
                var acc: Float = 0
                for kk in 0..<k { acc = acc.addingProduct(a[i * k + kk], b[kk * n + j]) }
                expected[i * n + j] = acc + bias[j]
            }
        }
        if relu { expected.withUnsafeMutableBufferPointer { ReLU.forward($0.baseAddress!, count: m * n) } }
        #expect(bits(c) == bits(expected))
    }
}
