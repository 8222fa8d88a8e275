import Testing
@testable import NumericCore

/// The forward pass's Wᵀ in C (AVX-512F, `wide_transpose`) is the eight-lane Swift transpose, element for element:
/// every shape up to 40 × 40 (whole 16 × 16 tiles, gathered columns past them, rows past the last 16), the lessons'
/// layer shapes, and bit patterns kept (NaN payloads, −0, subnormals).
@Suite(.enabled(if: SequentialGEMM.widestLanes == .sixteen, "this CPU has no AVX-512F"))
struct WideTransposeTests {
    static func both(rows: Int, cols: Int) -> (wide: [UInt32], eight: [UInt32], plain: [UInt32]) {
        let specials: [Float] = [.nan, -0.0, 0x1p-140, -.infinity, Float(bitPattern: 0x7FC0_1234)]
        let src: [Float] = (0..<rows * cols).map { i in i % 37 == 5 ? specials[i % specials.count] : Float(i) * 0.5 - 3 }
        func run(_ lanes: SequentialGEMM.Lanes) -> [UInt32] {
            var dst = [Float](repeating: 7, count: rows * cols)
            src.withUnsafeBufferPointer { s in
                dst.withUnsafeMutableBufferPointer { d in
                    Linear.transpose(s.baseAddress!, rows: rows, cols: cols, into: d.baseAddress!, lanes: lanes)
                }
            }
            return dst.map(\.bitPattern)
        }
        var plain = [UInt32](repeating: 0, count: rows * cols)
        for r in 0..<rows { for c in 0..<cols { plain[c * rows + r] = src[r * cols + c].bitPattern } }
        return (run(.sixteen), run(.eight), plain)
    }

    @Test func everyShapeUpTo40() {
        for rows in 1...40 {
            for cols in 1...40 {
                let (wide, eight, plain) = Self.both(rows: rows, cols: cols)
                #expect(wide == plain && eight == plain, "\(rows) × \(cols)")
            }
        }
    }

    @Test(arguments: [(64, 4), (32, 64), (1, 32), (128, 20), (64, 128), (1, 64), (16, 2), (100, 3), (33, 130)])
    func layerShapes(shape: (Int, Int)) {
        let (wide, eight, plain) = Self.both(rows: shape.0, cols: shape.1)
        #expect(wide == plain && eight == plain)
    }
}
