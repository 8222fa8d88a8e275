import CWideFMA
import Foundation

/// `vrsqrt14ps`, AVX-512's 14-bit estimate of 1/√a, as the Intel Xeon of docs/parity.md §4.4 computes it: a table
/// indexed by the exponent's parity and the top 15 significand bits, scaled by the exponent's half,
///
///     estimate(a) = (0.5 + entry(e mod 2, top) · 2⁻¹⁷) · 2^−⌊e/2⌋      a = 1.f · 2^e, top = f's first 15 bits
///
/// except the exact even powers of two, whose estimate is their exact root. Subnormal inputs are normalised first.
/// `scripts/reference/rsqrt14_table.c` checked that against the instruction on every positive float and wrote the
/// entries (`Rsqrt14Table.swift`); `MKLSquareRoot` refines the estimate into torch's square root.
enum Rsqrt14Estimate {
    /// entries[p · 2¹⁵ + top], decoded once from the starts and the packed differences straight into memory kept for
    /// the process's life (a pointer, so that the vector estimate reads it without an array's checks).
    nonisolated(unsafe) static let entries: UnsafePointer<UInt16> = {   // written once, then only read
        guard let packed = Data(base64Encoded: differences, options: .ignoreUnknownCharacters),
              packed.count * 4 == 2 << 15 else { preconditionFailure("Rsqrt14Table.swift is damaged: regenerate it") }
        let table = UnsafeMutablePointer<UInt16>.allocate(capacity: 2 << 15)
        for index in 0..<(2 << 15) {
            let step = UInt16(packed[index / 4] >> (2 * UInt8(index % 4)) & 3)
            table[index] = index & 0x7FFF == 0 ? (index == 0 ? starts.0 : starts.1) : table[index - 1] - step
        }
        return UnsafePointer(table)
    }()

    /// The estimate for a positive finite float32 (0, ∞, negatives and NaN are the caller's: `MKLSquareRoot` keeps
    /// them out).
    @inline(__always)
    static func estimate(_ a: Float) -> Float {
        let exponent = Int(a.exponent)                      // unbiased; a subnormal's is its leading bit's
        let fraction = a.significandBitPattern << (a.isSubnormal ? UInt32(-126 - exponent) : 0) & 0x7F_FFFF
        let parity = exponent & 1, half = (exponent - parity) / 2
        if fraction == 0 && parity == 0 { return Float(sign: .plus, exponent: -half, significand: 1) }
        let entry = UInt32(entries[parity << 15 | Int(fraction >> 8)])
        return Float(bitPattern: UInt32(126 - half) << 23 | entry << 7)
    }

    /// `vrsqrt14pd`, the same table read with a float64's top 15 significand bits (checked on 200 million inputs,
    /// docs/parity.md §4.4), for a positive normal float64.
    @inline(__always)
    static func estimate(_ a: Double) -> Double {
        let exponent = Int(a.exponent)
        let fraction = a.significandBitPattern
        let parity = exponent & 1, half = (exponent - parity) / 2
        if fraction == 0 && parity == 0 { return Double(sign: .plus, exponent: -half, significand: 1) }
        let entry = UInt64(entries[parity << 15 | Int(fraction >> 37)])
        return Double(bitPattern: UInt64(1022 - half) << 52 | entry << 36)
    }

    /// The float32 estimate on eight lanes, for lanes holding positive normal floats (other lanes get some value;
    /// `MKLSquareRoot` replaces them): the same bits as `estimate(_: Float)` there.
    @inline(__always)
    static func estimate(_ a: SIMD8<Float>) -> SIMD8<Float> {
        let bits = unsafeBitCast(a, to: SIMD8<UInt32>.self)
        let exponent = SIMD8<Int32>(truncatingIfNeeded: (bits &>> 23) & 0xFF) &- 127
        let parity = exponent & 1, half = (exponent &- parity) &>> 1
        let fraction = bits & 0x7F_FFFF
        let index: SIMD8<UInt32> = (SIMD8<UInt32>(truncatingIfNeeded: parity) &<< 15) | (fraction &>> 8)
        var entry = SIMD8<UInt32>()
        for lane in 0..<8 { entry[lane] = UInt32(entries[Int(index[lane])]) }
        let scale = SIMD8<UInt32>(truncatingIfNeeded: 126 &- half) &<< 23
        let exactPower = SIMD8<UInt32>(truncatingIfNeeded: 127 &- half) &<< 23
        let isExactPower = (fraction .== 0) .& (parity .== 0)
        return unsafeBitCast((scale | (entry &<< 7)).replacing(with: exactPower, where: isExactPower), to: SIMD8<Float>.self)
    }

    /// Whether this CPU has AVX-512F and its `vrsqrt14ps` gives the table's estimates, so that Adam's wide step, which
    /// calls the instruction, has the table's bits. Checked once, on every entry at three exponents and two low-bit
    /// patterns (about 400 000 inputs); a CPU whose estimate differs anywhere takes the 8-lane step.
    static let instructionIsTheTable: Bool = {
        guard wide_fma_available() != 0 else { return false }
        var inputs = [Float]()
        inputs.reserveCapacity(6 << 16)
        for index in 0..<(2 << 15) {
            let parity = UInt32(index >> 15), top = UInt32(index & 0x7FFF)
            for biased: UInt32 in [127, 127 + 40, 127 - 60] {
                for low: UInt32 in [0, 0xA5] {
                    inputs.append(Float(bitPattern: (biased + parity) << 23 | top << 8 | low))
                }
            }
        }
        var hardware = [Float](repeating: 0, count: inputs.count)
        wide_rsqrt14(inputs.count, inputs, &hardware)
        return zip(inputs, hardware).allSatisfy { estimate($0).bitPattern == $1.bitPattern }
    }()
}
