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
                         (64, 64, 128), (128, 64, 64), (400, 32, 64), (1600, 128, 20),
                         // Short sums (k ≤ 4) over 64-, 32- and 16-column blocks together.
                         (64, 64, 2), (7, 112, 3), (13, 80, 1), (5, 96, 4)]

    /// Values with many significant bits, and among them NaN, ±0, infinities and negative products, so that
    /// the ReLU's handling of NaN and −0 and the bias addition are compared too.
    static func values(_ n: Int, seed: UInt32) -> [Float] {
        var v = SequentialGEMMTests.values(n, seed: seed)
        let specials: [Float] = [.nan, -0.0, 0, .infinity, -.infinity, -1e-30]
        for i in stride(from: Int(seed % 7), to: n, by: 97) { v[i] = specials[i % specials.count] }
        return v
    }

    /// C = A·B (+ bias, then ReLU, then the ReLU's backward mask) at eight and at sixteen lanes, as bit patterns.
    /// A is [m, k] row-major, or read down its columns (the weight gradient's operand) with `aDownColumns`; C is
    /// [m, n] row-major, or written transposed with `cTransposed`.
    static func bothWidths(m: Int, n: Int, k: Int, a: [Float], aDownColumns: Bool = false, b: [Float], bias: [Float]? = nil,
                           relu: Bool = false, reluOutput: [Float]? = nil, cTransposed: Bool = false) -> [[UInt32]] {
        func pointer<R>(_ x: [Float]?, _ body: (UnsafePointer<Float>?) -> R) -> R {
            guard let x else { return body(nil) }
            return x.withUnsafeBufferPointer { body($0.baseAddress) }
        }
        return [SequentialGEMM.Lanes.eight, .sixteen].map { lanes in
            var c = [Float](repeating: 7, count: m * n)
            pointer(a) { ap in
                pointer(b) { bp in
                    pointer(bias) { biasp in
                        pointer(reluOutput) { yp in
                            c.withUnsafeMutableBufferPointer { cp in
                                SequentialGEMM.multiply(
                                    m: m, n: n, k: k,
                                    a: aDownColumns ? .init(base: ap!, rowStride: 1, colStride: m) : .init(base: ap!, rowStride: k, colStride: 1),
                                    b: bp!, ldb: n, bias: biasp, relu: relu, reluOutput: yp,
                                    c: cTransposed ? .init(base: cp.baseAddress!, rowStride: 1, colStride: m)
                                                   : .init(base: cp.baseAddress!, rowStride: n, colStride: 1), lanes: lanes)
                            }
                        }
                    }
                }
            }
            return c.map(\.bitPattern)
        }
    }

    @Test(arguments: shapes)
    func sixteenLanesGiveTheEightLaneBits(shape: (Int, Int, Int)) {
        let (m, n, k) = shape
        let a = Self.values(m * k, seed: 11), b = Self.values(k * n, seed: 12), bias = Self.values(n, seed: 13)
        for relu in [false, true] {
            for withBias in [false, true] {
                let results = Self.bothWidths(m: m, n: n, k: k, a: a, b: b, bias: withBias ? bias : nil, relu: relu)
                #expect(results[0] == results[1], "m \(m) n \(n) k \(k) relu \(relu) bias \(withBias)")
            }
        }
    }

    /// The weight gradient's operands: A read down its columns, C written transposed.
    @Test(arguments: shapes)
    func stridedOperandsGiveTheEightLaneBits(shape: (Int, Int, Int)) {
        let (m, n, k) = shape
        let a = Self.values(k * m, seed: 14), b = Self.values(k * n, seed: 15)
        let results = Self.bothWidths(m: m, n: n, k: k, a: a, aDownColumns: true, b: b, cTransposed: true)
        #expect(results[0] == results[1])
    }

    /// Weights that have decayed below 2^-126 (subnormal), as Adam leaves some in a hidden layer, meeting ReLU-like
    /// inputs (about half zeros, some rows zero for their first 40 entries, so chains meet subnormal weights while
    /// still 0): the sixteen-lane kernel gives the eight-lane bits, with bias, fused ReLU, the ReLU's backward mask,
    /// a transposed output, and with a subnormal or a value above 2^40 in A. (A kernel that drops such products
    /// where the accumulator would absorb them was tried and measured slower than the assists it avoids.)
    @Test(arguments: [(64, 32, 64), (64, 64, 32), (64, 64, 4), (13, 48, 11), (6, 16, 1), (400, 32, 64)])
    func subnormalWeightsGiveTheEightLaneBits(shape: (Int, Int, Int)) {
        let (m, n, k) = shape
        var a = SequentialGEMMTests.values(m * k, seed: 21).enumerated().map { i, x in
            let (row, column) = (i / k, i % k)
            return (row % 5 == 0 && column < 40) || x < 0 ? 0 : x                  // ReLU outputs
        }
        let b = SequentialGEMMTests.values(k * n, seed: 22).enumerated().map { i, x in
            i % 23 == 0 || i < 3 ? Float(bitPattern: UInt32(i &* 2_654_435_761 & 0x7F_FFFF) | (x < 0 ? 0x8000_0000 : 0)) : x
        }
        let bias = SequentialGEMMTests.values(n, seed: 23), reluOutput = SequentialGEMMTests.values(m * n, seed: 24)
        for variant in 0..<5 {
            if variant == 3 { a[a.count / 2] = 0x1p-130 }                          // a subnormal in A
            if variant == 4 { a[a.count / 2] = 0x1p41 }                            // a value above 2^40
            let results = Self.bothWidths(m: m, n: n, k: k, a: a, b: b, bias: variant == 1 ? bias : nil, relu: variant == 1,
                                          reluOutput: variant == 0 ? reluOutput : nil, cTransposed: variant == 2)
            #expect(results[0] == results[1], "m \(m) n \(n) k \(k), variant \(variant)")
        }
    }

    /// The input gradient through a ReLU whose units are dead on every row, with the tiny weights out of them (Adam
    /// decays those through the subnormal range): the sixteen-lane kernel reads them as 0 where every row of their
    /// column is masked, and gives the eight-lane bits. Where one row is not masked (the first or the last, or a
    /// NaN mask that is masked too), the tiny weights stay and their chain is stored: reading them as 0 would store
    /// 0 there instead of the tiny sum, so a kernel that skipped them on a partly masked column would fail here.
    @Test(arguments: [(64, 64, 32), (64, 32, 1), (13, 48, 7), (400, 32, 64)])
    func tinyWeightsOfMaskedColumnsGiveTheEightLaneBits(shape: (Int, Int, Int)) {
        let (m, n, k) = shape
        let a = SequentialGEMMTests.values(m * k, seed: 31)
        var b = SequentialGEMMTests.values(k * n, seed: 32), reluOutput = SequentialGEMMTests.values(m * n, seed: 33)
        let tiny: [Float] = [0x1p-140, -0x1p-149, 0x1p-100, -0x1p-127, 0x1p-70, 0]
        let columns = [1, n / 2, n - 1].filter { $0 < n }
        for (c, j) in columns.enumerated() {
            for kk in 0..<k { b[kk * n + j] = tiny[(kk + c) % tiny.count] }
            for i in 0..<m { reluOutput[i * n + j] = i % 3 == 0 ? 0 : (i % 3 == 1 ? -1 : .nan) }
        }
        var partly = reluOutput
        partly[columns[0]] = 0.5                                           // the first row alive
        partly[(m - 1) * n + columns[columns.count - 1]] = 2                // the last row alive
        for mask in [reluOutput, partly] {
            let results = Self.bothWidths(m: m, n: n, k: k, a: a, b: b, reluOutput: mask)
            #expect(results[0] == results[1], "m \(m) n \(n) k \(k)")
        }
        // The partly masked columns store a tiny sum, not 0: the case above is a real one.
        let kept = Self.bothWidths(m: m, n: n, k: k, a: a, b: b, reluOutput: partly)[1]
        #expect(kept[columns[0]] != 0 || k == 1 && a[0] == 0)
    }

    /// A chain whose accumulator is small but not 0 when it meets a subnormal weight with a large a (rows: 2^-90 · b₀
    /// first, then 2^30 · b_sub), where dropping the subnormal product would change the rounding.
    @Test func smallAccumulatorsMeetingSubnormalWeightsKeepTheirProducts() {
        let (m, n, k) = (6, 32, 3)
        let a: [Float] = (0..<m).flatMap { row in [0x1p-90 * Float(row + 1), 0x1p30, 1] }
        let b: [Float] = (0..<n).map { Float($0 + 1) * 0.37 }                                          // b₀: normal
            + (0..<n).map { Float(bitPattern: UInt32(0x3F_FFFF - 977 * $0)) * ($0 % 2 == 0 ? 1 : -1) }  // subnormal
            + (0..<n).map { _ in 0 }
        let results = Self.bothWidths(m: m, n: n, k: k, a: a, b: b)
        #expect(results[0] == results[1])
        // The case is a real one: dropping the subnormal products would give other bits.
        let dropped = (0..<m).flatMap { row in (0..<n).map { j in (a[row * k] * b[j]).bitPattern } }
        #expect(dropped != results[0])
    }
}
