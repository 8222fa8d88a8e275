import Testing
@testable import NumericCore

/// The input gradient with the ReLU's backward fused into its store (`reluOutput`) gives the bits of the product
/// followed by `ReLU.backward`, on both kernel widths, contiguous and strided, with NaN, ±0 and negative outputs.
@Suite struct FusedReLUGradientTests {
    static let lanes: [SequentialGEMM.Lanes] = SequentialGEMM.widestLanes == .sixteen ? [.eight, .sixteen] : [.eight]
    static let shapes = [(1, 1, 1), (3, 5, 7), (6, 16, 5), (9, 33, 20), (13, 41, 11), (64, 64, 32), (64, 32, 1), (17, 48, 3)]

    /// ReLU outputs: mostly positive, with 0, −0, negatives, NaN and a tiny positive among them.
    static func outputs(_ n: Int) -> [Float] {
        let specials: [Float] = [0, -0.0, -1, .nan, 2.5e-38]
        return SequentialGEMMTests.values(n, seed: 21).enumerated().map { i, v in i % 3 == 0 ? specials[i % 5] : abs(v) + 1 }
    }

    @Test(arguments: shapes)
    func fusedMaskMatchesASecondPass(shape: (Int, Int, Int)) {
        for lanes in Self.lanes {
            for transposed in [false, true] {
                let fused = product(shape, lanes: lanes, transposed: transposed, fused: true)
                let separate = product(shape, lanes: lanes, transposed: transposed, fused: false)
                #expect(fused == separate, "\(lanes), transposed \(transposed)")
            }
        }
    }

    /// C = A·B into [m, n] (or stored transposed, [n, m]), masked by the ReLU outputs laid out as C: in the store
    /// (`fused`) or element by element afterwards. C's bit patterns.
    func product(_ shape: (Int, Int, Int), lanes: SequentialGEMM.Lanes, transposed: Bool, fused: Bool) -> [UInt32] {
        let (m, n, k) = shape
        let a = SequentialGEMMTests.values(m * k, seed: 22), b = SequentialGEMMTests.values(k * n, seed: 23)
        let y = Self.outputs(m * n)
        var c = [Float](repeating: 7, count: m * n)
        a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                y.withUnsafeBufferPointer { yp in
                    c.withUnsafeMutableBufferPointer { cp in
                        let output = transposed ? SequentialGEMM.Output(base: cp.baseAddress!, rowStride: 1, colStride: m)
                            : SequentialGEMM.Output(base: cp.baseAddress!, rowStride: n, colStride: 1)
                        SequentialGEMM.multiply(m: m, n: n, k: k, a: .init(base: ap.baseAddress!, rowStride: k, colStride: 1),
                                                b: bp.baseAddress!, ldb: n, bias: nil,
                                                reluOutput: fused ? yp.baseAddress! : nil, c: output, lanes: lanes)
                        // The reference mask written out here, not `ReLU.backward`, which the eight-lane kernel's own
                        // second pass calls: a ReLU's gradient passes where its output was above 0 (NaN, ±0: not).
                        if !fused { for i in 0..<(m * n) where !(yp[i] > 0) { cp[i] = 0 } }
                    }
                }
            }
        }
        return bits(c)
    }
}
