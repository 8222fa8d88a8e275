import Foundation
import Testing
@testable import NumericCore

@Suite("Linear with sums over more than 384 products: MKL's blocks of k (layers_long_sums.json)")
struct KBlockedGEMMTests {
    @Test("blocks of k: 384 at a time while more than 768 are left, then two halves")
    func blocks() {
        #expect(SequentialGEMM.kBlocks(384) == [0..<384])
        #expect(SequentialGEMM.kBlocks(385) == [0..<193, 193..<385])
        #expect(SequentialGEMM.kBlocks(600) == [0..<300, 300..<600])
        #expect(SequentialGEMM.kBlocks(768) == [0..<384, 384..<768])
        #expect(SequentialGEMM.kBlocks(771) == [0..<384, 384..<578, 578..<771])
        #expect(SequentialGEMM.kBlocks(1000) == [0..<384, 384..<692, 692..<1000])
    }

    /// Forward over in 385 to 1 000, input gradients over out 401 and 1 000, weight gradients over 400 to 1 000 rows
    /// (both of `Linear.weightGradient`'s layouts), 16 rows or more; in 600 and 1 000 on 8 and 3 rows, which
    /// take the quarters order of `SmallBatchProducts` whole; and input gradients over out 401 to 1 000 on 4 to 15
    /// rows, cut into blocks as on 16.
    @Test("forward, input and weight gradient bitwise torch")
    func products() throws {
        guard let cases = try Fixture.load("layers_long_sums.json")["products"] as? [[String: Any]], cases.count == 16 else {
            throw Fixture.Missing(description: "layers_long_sums.json does not hold 16 product cases")
        }
        for c in cases { try LinearProductCase.expectBitwise(c) }
    }

    /// The fused ReLU and the ReLU's backward mask come after the last block: the same as applying them afterwards.
    @Test("ReLU and its backward mask after the blocks")
    func reluAfterTheBlocks() {
        let (m, n, k) = (17, 5, 600)
        let a = AdamWideTests.values(m * k, seed: 31, scale: 1), b = AdamWideTests.values(k * n, seed: 32, scale: 1)
        let bias = AdamWideTests.values(n, seed: 33, scale: 1), mask = AdamWideTests.values(m * n, seed: 34, scale: 1)
        func run(relu: Bool, reluOutput: [Float]?) -> [Float] {
            var c = [Float](repeating: 7, count: m * n)
            let maskCopy = reluOutput ?? []
            a.withUnsafeBufferPointer { ap in
                b.withUnsafeBufferPointer { bp in
                    bias.withUnsafeBufferPointer { biasp in
                        maskCopy.withUnsafeBufferPointer { mp in
                            c.withUnsafeMutableBufferPointer { cp in
                                SequentialGEMM.multiplyInKBlocks(
                                    m: m, n: n, k: k, a: .init(base: ap.baseAddress!, rowStride: k, colStride: 1),
                                    b: bp.baseAddress!, ldb: n, bias: biasp.baseAddress!, relu: relu,
                                    reluOutput: reluOutput == nil ? nil : mp.baseAddress!,
                                    c: .init(base: cp.baseAddress!, rowStride: n, colStride: 1))
                            }
                        }
                    }
                }
            }
            return c
        }
        let plain = run(relu: false, reluOutput: nil)
        #expect(bits(run(relu: true, reluOutput: nil)) == bits(plain.map { $0 < 0 ? 0 : $0 }))
        #expect(bits(run(relu: false, reluOutput: mask)) == bits(zip(plain, mask).map { $1 > 0 ? $0 : 0 }))
    }
}
