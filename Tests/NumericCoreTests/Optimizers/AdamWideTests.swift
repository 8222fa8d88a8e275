import CWideFMA
import Testing
@testable import NumericCore

/// Adam's sixteen-lane step (AVX-512F, `wide_adam_step` in `Sources/CWideFMA`) gives the bits of its eight-lane
/// and one-element Swift paths, for every branch of the update: L2 decay folded into the gradient, decoupled decay
/// (AdamW), amsgrad, both forms of lerp (β1 above and below 0.5), and lengths with every tail of a 16-lane vector.
/// On a CPU without AVX-512F, or whose `vrsqrt14ps` is not the table the square root refines, there is nothing to compare.
@Suite(.enabled(if: Adam.widestLanes == .sixteen, "this CPU has no AVX-512F or another vrsqrt14ps"))
struct AdamWideTests {
    /// Values over many binades with NaN, ±0, ±infinity and a subnormal among them (every 29th element).
    static func values(_ n: Int, seed: UInt32, scale: Float) -> [Float] {
        var v = AdamVectorisedTests.values(n, seed: seed, scale: scale).enumerated().map { i, x in
            x * Float(sign: .plus, exponent: Int(i % 9) - 4, significand: 1)
        }
        let specials: [Float] = [.nan, -0.0, 0, .infinity, -.infinity, Float(bitPattern: 0x000F_FFFF)]
        for i in stride(from: Int(seed % 5), to: n, by: 29) { v[i] = specials[(i / 29) % specials.count] }
        return v
    }

    static func configurations() throws -> [(String, Adam)] { [
        ("Adam", try Adam(lr: 0.01)),
        ("Adam + L2", try Adam(lr: 0.01, weightDecay: 0.01)),
        ("Adam + L2, amsgrad", try Adam(lr: 0.003, weightDecay: 0.05, amsgrad: true)),
        ("AdamW", try Adam(lr: 0.01, betas: (0.9, 0.999), eps: 1e-8, weightDecay: 0.1, amsgrad: false, decoupled: true)),
        ("AdamW, β1 = 0.3, amsgrad", try Adam(lr: 0.02, betas: (0.3, 0.99), eps: 1e-6, weightDecay: 0.01, amsgrad: true, decoupled: true)),
        ("Adam, ε = 0", try Adam(lr: 0.1, eps: 0)),
    ] }

    @Test(arguments: [1, 7, 15, 16, 17, 31, 33, 64, 100, 2433])
    func sixteenLanesGiveTheEightLaneBits(count: Int) throws {
        for (name, adam) in try Self.configurations() {
            var eight = adam, sixteen = adam
            var p8 = Self.values(count, seed: 3, scale: 1), p16 = p8
            for step in 0..<5 {
                let g = Self.values(count, seed: UInt32(40 + step), scale: step % 2 == 0 ? 0.01 : 5)
                try eight.step(parameters: &p8, gradients: g, lanes: .eight)
                try sixteen.step(parameters: &p16, gradients: g, lanes: .sixteen)
                #expect(bits(p8) == bits(p16), "\(name), \(count) elements, step \(step + 1): parameters")
                #expect(bits(eight.state.m) == bits(sixteen.state.m), "\(name), \(count) elements, step \(step + 1): m")
                #expect(bits(eight.state.v) == bits(sixteen.state.v), "\(name), \(count) elements, step \(step + 1): v")
                #expect(bits(eight.state.vmax) == bits(sixteen.state.vmax), "\(name), \(count) elements, step \(step + 1): vmax")
            }
        }
    }

    /// The division by the step's bc2 = f32(sqrt(1 − β2^t)), done with a reciprocal and one FMA correction on the
    /// wide path, is the IEEE quotient: 200 steps (200 divisors) for each of three β2, 8 192 elements whose
    /// second moments spread over 2^-60 … 2^40, against the eight-lane path's division.
    @Test(arguments: [0.999, 0.95, 0.5])
    func theDivisionByBc2IsCorrectlyRounded(beta2: Double) throws {
        let n = 8_192
        var eight = try Adam(lr: 1e-4, betas: (0.9, beta2)), sixteen = eight
        var p8 = Self.values(n, seed: 9, scale: 1), p16 = p8
        var mismatches = 0
        for step in 0..<200 {
            // Gradients over many binades: g² (and so v) from about 2^-60 to 2^40.
            let g = AdamVectorisedTests.values(n, seed: UInt32(1000 + step), scale: 1).enumerated().map { i, x in
                x * Float(sign: .plus, exponent: (i &* 7 &+ step) % 50 - 30, significand: 1)
            }
            try eight.step(parameters: &p8, gradients: g, lanes: .eight)
            try sixteen.step(parameters: &p16, gradients: g, lanes: .sixteen)
            mismatches += zip(bits(p8), bits(p16)).filter { $0 != $1 }.count
            p16 = p8
        }
        #expect(mismatches == 0)
        #expect(bits(eight.state.v) == bits(sixteen.state.v))
    }

    /// Units whose gradient has become 0 (a ReLU switched off) carry a first moment that decays by 1 − w a step
    /// through the subnormal range; the wide step computes those moments on integers (no float operation meets a
    /// subnormal) and must still give the eight-lane path's IEEE bits. 1 200 steps: 20 with gradients, then zeros
    /// for most elements (a few keep small gradients, some parameters are tiny or 0), so every moment passes from
    /// normal through subnormal to 0; Adam and AdamW, amsgrad, β1 on both sides of 0.5 and one whose 1 − β1 is too
    /// fine for the shortcut.
    @Test(arguments: [(0.9, false, false), (0.9, true, true), (0.3, false, true), (0.999, true, false), (0.6, true, false)])
    func subnormalMomentsGiveTheEightLaneBits(beta1: Double, decoupled: Bool, amsgrad: Bool) throws {
        let n = 100
        var eight = try Adam(lr: 0.01, betas: (beta1, 0.999), eps: 1e-8, weightDecay: decoupled ? 0.01 : 0,
                             amsgrad: amsgrad, decoupled: decoupled)
        var sixteen = eight
        var p8 = AdamVectorisedTests.values(n, seed: 5, scale: 1).enumerated().map { i, x in
            i % 11 == 0 ? 0 : i % 7 == 0 ? x * 0x1p-70 : x                    // zeros and parameters below 2^-60
        }
        var p16 = p8
        var subnormalMomentsSeen = 0
        for step in 0..<1_200 {
            // With β1 = 0.999 the moments decay slowly: start them near the subnormal range.
            let g: [Float] = step < 20 ? AdamVectorisedTests.values(n, seed: UInt32(step), scale: (Float(step % 3) + 0.5) * (beta1 > 0.99 ? 1e-35 : 1))
                : (0..<n).map { i in i % 13 == 0 ? Float(i) * 1e-30 : 0 }
            try eight.step(parameters: &p8, gradients: g, lanes: .eight)
            try sixteen.step(parameters: &p16, gradients: g, lanes: .sixteen)
            subnormalMomentsSeen += eight.state.m.filter { $0.isSubnormal }.count
            guard bits(p8) == bits(p16), bits(eight.state.m) == bits(sixteen.state.m), bits(eight.state.v) == bits(sixteen.state.v),
                  bits(eight.state.vmax) == bits(sixteen.state.vmax) else {
                Issue.record("β1 \(beta1), step \(step + 1): the wide step differs from the eight-lane one")
                return
            }
        }
        #expect(subnormalMomentsSeen > 1_000, "the run must carry subnormal moments (\(subnormalMomentsSeen))")
    }

    /// The masked last vector reads and writes only the tensor's own elements: a step over the first 5 of 20
    /// leaves the other 15 of every buffer as they were.
    @Test func theLastVectorTouchesNothingPastTheEnd() {
        var p = [Float](repeating: 0.5, count: 20), m = p, v = p, vmax = p
        let g = [Float](repeating: 1, count: 20)
        var h = WideAdamHyper(decay: 0.1, shrink: 1, w: 0.1, w_minus_1: -0.9, b2: 0.999, one_minus_b2: 0.001, bc2: 0.03, bc2_reciprocal: 1 / 0.03,
                              epsilon: 1e-8, neg_step: -0.1, low_weight: 1, has_decay: 1, decoupled: 0, amsgrad: 1)
        wide_adam_step(5, &p, g, &m, &v, &vmax, &h)
        for buffer in [p, m, v, vmax] {
            #expect(buffer[5...].allSatisfy { $0 == 0.5 })
            #expect(buffer[..<5].allSatisfy { $0 != 0.5 })
        }
    }
}
