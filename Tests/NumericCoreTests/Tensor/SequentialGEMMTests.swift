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

    static let shapes = [(1, 1, 1), (3, 5, 7), (4, 16, 9), (7, 24, 3), (9, 33, 20), (13, 8, 1), (5, 1, 64), (6, 19, 2),
                         (6, 16, 5), (13, 41, 11), (64, 64, 20)]

    @Test(arguments: shapes)
    func matchesTheScalarChain(shape: (Int, Int, Int)) {
        check(shape, relu: false)
    }

    /// The fused ReLU gives the bits of the product followed by a separate `max(·, 0)` pass (−0 and NaN kept).
    @Test(arguments: shapes)
    func fusedReLUMatchesASecondPass(shape: (Int, Int, Int)) {
        check(shape, relu: true)
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
