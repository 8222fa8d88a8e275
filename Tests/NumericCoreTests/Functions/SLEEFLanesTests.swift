import Testing
import TestSupport
@testable import NumericCore

/// `SLEEF`'s eight-float `exp` and `log` against its one-float functions (themselves checked against libtorch's
/// entry points, shared/parity/next/sleef_f32.py): every lane's bits equal, over random bit patterns (every exponent,
/// subnormals, infinities, NaNs), the ranges a log-softmax feeds them and the special cases.
struct SLEEFLanesTests {
    /// Random float32 bit patterns, then the values that take the functions' special paths.
    static func inputs(count: Int) -> [Float] {
        var generator = SplitMix64(state: 0x5EED)
        var values = (0..<count).map { _ in Float(bitPattern: UInt32(truncatingIfNeeded: generator.next())) }
        // The ranges the log-softmax reaches: exp of 0 and below, log of 1 to the number of classes.
        values += (0..<4096).map { Float($0) * -0.0625 }
        values += (0..<4096).map { 1 + Float($0) * 0.002 }
        values += [0, -0.0, 1, -1, .infinity, -.infinity, .nan, -.nan, .leastNonzeroMagnitude, .leastNormalMagnitude,
                   .greatestFiniteMagnitude, -104, -104.0001, 100, 100.0001, 88.7, 2_147_483_648, -2_147_483_649, 0x1p-130]
        while values.count % 8 != 0 { values.append(1) }
        return values
    }

    static func sameBits(_ a: Float, _ b: Float) -> Bool { a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN) }

    /// Each function's eight-float form against its one-float form.
    static let functions: [(name: String, lanes: @Sendable (SIMD8<Float>) -> SIMD8<Float>, one: @Sendable (Float) -> Float)] = [
        ("exp", { SLEEF.exp($0) }, { SLEEF.exp($0) }),
        ("log", { SLEEF.log($0) }, { SLEEF.log($0) }),
    ]

    @Test(arguments: 0..<2)
    func lanesAreTheOneFloatFunction(_ function: Int) {
        let (name, lanes, one) = Self.functions[function]
        let x = Self.inputs(count: 200_000)
        var wrong = 0
        for start in stride(from: 0, to: x.count, by: 8) {
            let y = lanes(SIMD8(x[start..<start + 8]))
            for r in 0..<8 where !Self.sameBits(y[r], one(x[start + r])) { wrong += 1 }
        }
        #expect(wrong == 0, "\(name): \(wrong) of \(x.count) lanes differ")
    }

    /// The log-softmax of many rows at once (eight per lane group) against the same rows one at a time (the
    /// row-by-row path), for every class count below the lanes and for the first at and above, with rows that hold
    /// ties, NaNs, infinities and large magnitudes.
    @Test(arguments: 1...9)
    func logSoftmaxOfEightRowsIsRowByRow(classes: Int) {
        var generator = SplitMix64(state: UInt64(classes))
        let rows = 37
        var x = (0..<rows * classes).map { _ in Float(Int(generator.next() % 2001) - 1000) * 0.01 }
        x[3 * classes] = .nan
        x[5 * classes] = .infinity
        x[6 * classes] = -.infinity
        x[9 * classes] = 80
        if classes > 1 { x[11 * classes + 1] = x[11 * classes] }
        var together = [Float](repeating: 0, count: x.count), alone = together
        x.withUnsafeBufferPointer { xp in
            CrossEntropyLoss.logSoftmax(x: xp.baseAddress!, rows: rows, classes: classes, out: &together)
            for b in 0..<rows {
                alone.withUnsafeMutableBufferPointer { op in
                    CrossEntropyLoss.logSoftmax(x: xp.baseAddress! + b * classes, rows: 1, classes: classes,
                                                out: op.baseAddress! + b * classes)
                }
            }
        }
        let wrong = zip(together, alone).filter { !Self.sameBits($0, $1) }.count
        #expect(wrong == 0, "\(wrong) of \(x.count) values differ")
    }
}
