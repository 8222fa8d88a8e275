import CWideFMA
import Testing
@testable import NumericCore

/// torch's tensor square root (MKL's on the AVX-512 machine, docs/parity.md §4.4) against `functions_sqrt.json`
/// from scripts/reference/sqrt_fixtures.py: about 14 000 float32 and 14 000 float64 inputs over every exponent, the
/// subnormals and the scaling thresholds, bit for bit. The fixture holds inputs whose root is not the IEEE one, so
/// the IEEE root fails these tests.
struct MKLSquareRootTests {
    static func section(_ name: String) throws -> [String: Any] {
        try Fixture.load("functions_sqrt.json").object(name)
    }

    @Test func float32RootsAreTorchs() throws {
        let section = try Self.section("float32")
        let x = try section.packedFloats("x"), expected = try section.packedFloats("sqrt")
        let roots = x.map(MKLSquareRoot.root)
        let wrong = zip(roots, expected).filter { $0.bitPattern != $1.bitPattern }.count
        #expect(wrong == 0, "\(wrong) of \(x.count) roots differ from torch's")
        let notIEEE = zip(x, expected).filter { $0.squareRoot().bitPattern != $1.bitPattern }.count
        #expect(notIEEE == section["not_ieee"] as? Int && notIEEE > 40, "the fixture must tell MKL's root from IEEE's")
    }

    @Test func float64RootsAreTorchs() throws {
        let section = try Self.section("float64")
        let x = try section.packedDoubles("x"), expected = try section.packedDoubles("sqrt")
        let wrong = zip(x.map(MKLSquareRoot.root), expected).filter { $0.bitPattern != $1.bitPattern }.count
        #expect(wrong == 0, "\(wrong) of \(x.count) roots differ from torch's")
        let notIEEE = zip(x, expected).filter { $0.squareRoot().bitPattern != $1.bitPattern }.count
        #expect(notIEEE == section["not_ieee"] as? Int && notIEEE > 40)
    }

    @Test func negativesGiveNaNAndZerosKeepTheirSign() throws {
        for x in try Fixture.load("functions_sqrt.json").floats("negative") {
            #expect(MKLSquareRoot.root(x).isNaN && MKLSquareRoot.root(Double(x)).isNaN, "\(x)")
        }
        #expect(MKLSquareRoot.root(Float(-0.0)).bitPattern == Float(-0.0).bitPattern)
        #expect(MKLSquareRoot.root(Float.nan).isNaN && MKLSquareRoot.root(Double.infinity) == .infinity)
    }

    /// The eight-lane root (Adam's step without AVX-512F) gives the scalar root's bits on every fixture input and
    /// the specials, in every lane position.
    @Test func eightLanesGiveTheScalarBits() throws {
        var x = try Self.section("float32").packedFloats("x")
        x += [-1, -0.0, .nan, .infinity, -.infinity, 0x1p-64, 0x1.fffffep-65, 0x1p-149, -0x1p-149, 4, 0x1p-2]
        for shift in 0..<8 {
            for start in stride(from: shift, to: x.count - 8, by: 8) {
                let lanes = SIMD8<Float>(x[start..<(start + 8)])
                let vector = MKLSquareRoot.root(lanes)
                for lane in 0..<8 {
                    let scalar = MKLSquareRoot.root(lanes[lane])
                    #expect(vector[lane].bitPattern == scalar.bitPattern || (vector[lane].isNaN && scalar.isNaN),
                            "\(lanes[lane]): \(vector[lane]) vs \(scalar)")
                }
            }
        }
    }

    /// The generic entry the optimisers call picks the model by element type.
    @Test func tensorSquareRootDispatchesByType() {
        let x: Float = 0x1.8p-3
        #expect(x.tensorSquareRoot().bitPattern == MKLSquareRoot.root(x).bitPattern)
        #expect(Double(x).tensorSquareRoot().bitPattern == MKLSquareRoot.root(Double(x)).bitPattern)
    }
}

/// The table behind `vrsqrt14ps` against the instruction itself, where the CPU has AVX-512F (the machine kind the
/// course is built on); elsewhere only the fixture above checks the table, through the roots.
@Suite(.enabled(if: wide_fma_available() != 0, "this CPU has no AVX-512F"))
struct Rsqrt14EstimateTests {
    /// Every entry, at five exponents and with random low bits, plus subnormal inputs: the table is the instruction.
    @Test func theTableIsTheInstruction() {
        // Low bits and subnormals spread by a multiplicative hash of the position: the same inputs on every run.
        func scrambled(_ i: Int) -> UInt32 { UInt32(truncatingIfNeeded: i &* 2_654_435_761) }
        var inputs = [Float]()
        for index in 0..<(2 << 15) {
            let parity = UInt32(index >> 15), top = UInt32(index & 0x7FFF)
            for biased: UInt32 in [1, 41, 127, 191, 253] {
                let low = scrambled(index &* 5 &+ Int(biased)) >> 24
                inputs.append(Float(bitPattern: (biased + parity) << 23 | top << 8 | low))
            }
        }
        for i in 0..<20_000 { inputs.append(Float(bitPattern: scrambled(i) % 0x7F_FFFF + 1)) }
        var hardware = [Float](repeating: 0, count: inputs.count)
        wide_rsqrt14(inputs.count, inputs, &hardware)
        let wrong = zip(inputs, hardware).filter { Rsqrt14Estimate.estimate($0).bitPattern != $1.bitPattern }
        #expect(wrong.isEmpty, "first differing inputs: \(wrong.prefix(3).map { String($0.0.bitPattern, radix: 16) })")
        #expect(Rsqrt14Estimate.instructionIsTheTable)
    }

    /// Adam's wide step computes the root on sixteen lanes from the instruction: the same bits as the model, the
    /// fixture's inputs (with every tail length of a vector) and the specials included.
    @Test func theWideRootIsTheModel() throws {
        var x = try MKLSquareRootTests.section("float32").packedFloats("x")
        x += [-1, -0.0, .nan, .infinity, -.infinity, 0x1p-64, 0x1.fffffep-65]
        for count in [x.count, 1, 15, 17, 33] {
            let inputs = Array(x.suffix(count))
            var wide = [Float](repeating: 0, count: count)
            wide_tensor_sqrt(count, inputs, &wide)
            let model = inputs.map(MKLSquareRoot.root)
            #expect(zip(wide, model).allSatisfy { $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) }, "\(count) inputs")
        }
    }
}
