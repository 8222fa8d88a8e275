import Testing
@testable import NumericCore

/// The sixteen-lane kernel (AVX-512F, `Sources/CWideFMA`) gives the eight-lane kernel's bits for every shape,
/// bias, fused ReLU and stride the layers use. On a CPU without AVX-512F there is nothing to compare.
@Suite(.enabled(if: SequentialGEMM.widestLanes == .sixteen, "this CPU has no AVX-512F"))
struct WideFMATests {
    /// Column counts below, at and between whole 16- and 32-wide blocks, with 8-wide and scalar tails after them;
    /// every row split (6s, 4s, single rows); the lessons' layer shapes.
    static let shapes = [(1, 16, 1), (1, 17, 3), (3, 24, 7), (4, 32, 9), (5, 40, 2), (6, 48, 5), (7, 49, 3), (8, 64, 20),
                         (9, 16, 1), (13, 57, 11), (17, 33, 13), (32, 64, 64), (64, 64, 4), (64, 32, 64), (64, 128, 20),
                         (64, 64, 128), (128, 64, 64), (400, 32, 64), (1600, 128, 20)]

    /// Values with many significant bits, and among them NaN, ±0, infinities and negative products, so that
    /// the ReLU's handling of NaN and −0 and the bias addition are compared too.
    static func values(_ n: Int, seed: UInt32) -> [Float] {
        var v = SequentialGEMMTests.values(n, seed: seed)
        let specials: [Float] = [.nan, -0.0, 0, .infinity, -.infinity, -1e-30]
        for i in stride(from: Int(seed % 7), to: n, by: 97) { v[i] = specials[i % specials.count] }
        return v
    }

    @Test(arguments: shapes)
    func sixteenLanesGiveTheEightLaneBits(shape: (Int, Int, Int)) {
        let (m, n, k) = shape
        let a = Self.values(m * k, seed: 11), b = Self.values(k * n, seed: 12), bias = Self.values(n, seed: 13)
        for relu in [false, true] {
            for withBias in [false, true] {
                let results = [SequentialGEMM.Lanes.eight, .sixteen].map { lanes in
                    var c = [Float](repeating: 7, count: m * n)
                    a.withUnsafeBufferPointer { ap in
                        b.withUnsafeBufferPointer { bp in
                            bias.withUnsafeBufferPointer { biasp in
                                c.withUnsafeMutableBufferPointer { cp in
                                    SequentialGEMM.multiply(
                                        m: m, n: n, k: k, a: .init(base: ap.baseAddress!, rowStride: k, colStride: 1),
                                        b: bp.baseAddress!, ldb: n, bias: withBias ? biasp.baseAddress! : nil, relu: relu,
                                        c: .init(base: cp.baseAddress!, rowStride: n, colStride: 1), lanes: lanes)
                                }
                            }
                        }
                    }
                    return c.map(\.bitPattern)
                }
                #expect(results[0] == results[1], "m \(m) n \(n) k \(k) relu \(relu) bias \(withBias)")
            }
        }
    }

    /// The weight gradient's operands: A read down its columns, C written transposed.
    @Test(arguments: shapes)
    func stridedOperandsGiveTheEightLaneBits(shape: (Int, Int, Int)) {
        let (m, n, k) = shape
        let a = Self.values(k * m, seed: 14), b = Self.values(k * n, seed: 15)
        let results = [SequentialGEMM.Lanes.eight, .sixteen].map { lanes in
            var c = [Float](repeating: 7, count: n * m)
            a.withUnsafeBufferPointer { ap in
                b.withUnsafeBufferPointer { bp in
                    c.withUnsafeMutableBufferPointer { cp in
                        SequentialGEMM.multiply(m: m, n: n, k: k, a: .init(base: ap.baseAddress!, rowStride: 1, colStride: m),
                                                b: bp.baseAddress!, ldb: n, bias: nil,
                                                c: .init(base: cp.baseAddress!, rowStride: 1, colStride: m), lanes: lanes)
                    }
                }
            }
            return c.map(\.bitPattern)
        }
        #expect(results[0] == results[1])
    }
}
