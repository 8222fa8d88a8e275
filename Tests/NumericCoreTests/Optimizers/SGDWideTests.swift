import CWideFMA
import Testing
@testable import NumericCore

/// SGD's sixteen-lane step (AVX-512F, `wide_sgd_step` in `Sources/CWideFMA`) gives the bits of its eight-lane
/// Swift path for every combination of weight decay, momentum, dampening and Nesterov, the first step (which
/// creates the momentum buffer) and the later ones, a momentum that a schedule turns off and on again, and lengths
/// with every tail of a 16-lane vector. On a CPU without AVX-512F there is nothing to compare.
@Suite(.enabled(if: SequentialGEMM.widestLanes == .sixteen, "this CPU has no AVX-512F"))
struct SGDWideTests {
    static func configurations() throws -> [(String, SGD)] { [
        ("plain", try SGD(lr: 0.1)),
        ("L2", try SGD(lr: 0.05, weightDecay: 0.01)),
        ("momentum", try SGD(lr: 0.01, momentum: 0.9)),
        ("momentum, dampening", try SGD(lr: 0.01, momentum: 0.9, dampening: 0.3)),
        ("momentum, L2", try SGD(lr: 0.01, momentum: 0.9, weightDecay: 1e-4)),
        ("Nesterov", try SGD(lr: 0.01, momentum: 0.8, nesterov: true)),
        ("Nesterov, L2", try SGD(lr: 0.02, momentum: 0.95, weightDecay: 0.05, nesterov: true)),
    ] }

    /// Units whose gradient has become 0 (a ReLU switched off) carry a momentum buffer that decays by μ a step through
    /// the subnormal range; the wide step computes those buffers on integers (no float operation meets a subnormal)
    /// and must still give the eight-lane path's IEEE bits: 1 000 steps, 20 with gradients then +0 for most elements
    /// (a few keep tiny gradients, some get −0, some parameters are tiny or 0), every buffer passing from normal
    /// through subnormal to 0; plain momentum, Nesterov, dampening, and μ = 0.999 and a dampening above 1 (no shortcut).
    @Test(arguments: [(0.9, 0.0, false), (0.8, 0.0, true), (0.5, 0.3, false), (0.999, 0.0, false), (0.9, 1.5, false)])
    func subnormalBuffersGiveTheEightLaneBits(momentum: Double, dampening: Double, nesterov: Bool) throws {
        let n = 100
        var eight = try SGD(lr: 0.05, momentum: momentum, dampening: dampening, nesterov: nesterov), sixteen = eight
        var p8 = AdamVectorisedTests.values(n, seed: 8, scale: 1).enumerated().map { i, x in
            i % 11 == 0 ? 0 : i % 7 == 0 ? x * 0x1p-70 : x                    // zeros and parameters below 2^-60
        }
        var p16 = p8
        var subnormalBuffersSeen = 0
        for step in 0..<1_000 {
            let scale: Float = momentum > 0.99 ? 1e-36 : 1e-30
            var g = AdamVectorisedTests.values(n, seed: UInt32(step), scale: scale)
            if step >= 20 {
                for i in 0..<n {
                    let tiny = Float(i) * 1e-40
                    g[i] = i % 13 == 0 ? tiny : (i % 17 == 0 ? -0.0 : 0)
                }
            }
            try eight.step(parameters: &p8, gradients: g, lanes: .eight)
            try sixteen.step(parameters: &p16, gradients: g, lanes: .sixteen)
            subnormalBuffersSeen += (eight.momentumBuffer ?? []).filter { $0.isSubnormal }.count
            guard bits(p8) == bits(p16), eight.momentumBuffer.map(bits) == sixteen.momentumBuffer.map(bits) else {
                Issue.record("μ \(momentum), τ \(dampening), step \(step + 1): the wide step differs from the eight-lane one")
                return
            }
        }
        #expect(subnormalBuffersSeen > 1_000, "the run must carry subnormal buffers (\(subnormalBuffersSeen))")
    }

    @Test(arguments: [1, 7, 15, 16, 17, 33, 100, 2433])
    func sixteenLanesGiveTheEightLaneBits(count: Int) throws {
        for (name, sgd) in try Self.configurations() {
            var eight = sgd, sixteen = sgd
            var p8 = AdamWideTests.values(count, seed: 5, scale: 1), p16 = p8
            for step in 0..<6 {
                // A schedule may set momentum to 0 for a step and back: the buffer is kept, untouched, meanwhile.
                if step == 3, sgd.momentum != 0 { eight.scheduledMomentum = 0; sixteen.scheduledMomentum = 0 }
                if step == 4, sgd.momentum != 0 { eight.scheduledMomentum = 0.5; sixteen.scheduledMomentum = 0.5 }
                let g = AdamWideTests.values(count, seed: UInt32(60 + step), scale: step % 2 == 0 ? 0.01 : 5)
                try eight.step(parameters: &p8, gradients: g, lanes: .eight)
                try sixteen.step(parameters: &p16, gradients: g, lanes: .sixteen)
                #expect(bits(p8) == bits(p16), "\(name), \(count) elements, step \(step + 1): parameters")
                #expect(eight.momentumBuffer.map(bits) == sixteen.momentumBuffer.map(bits),
                        "\(name), \(count) elements, step \(step + 1): momentum buffer")
            }
        }
    }

    /// A model without parameters steps at either width without touching memory (no vector is loaded).
    @Test func noParametersStepAtEitherWidth() throws {
        for lanes in [SequentialGEMM.Lanes.eight, .sixteen] {
            var sgd = try SGD(lr: 0.1, momentum: 0.9, weightDecay: 0.01, nesterov: true)
            var adam = try Adam(lr: 0.01, weightDecay: 0.01, amsgrad: true)
            var p: [Float] = []
            for _ in 0..<2 {
                try sgd.step(parameters: &p, gradients: [], lanes: lanes)
                try adam.step(parameters: &p, gradients: [], lanes: lanes)
            }
            #expect(p.isEmpty && sgd.momentumBuffer == [] && adam.state.m.isEmpty)
        }
    }

    /// The masked last vector reads and writes only the tensor's own elements.
    @Test func theLastVectorTouchesNothingPastTheEnd() {
        var p = [Float](repeating: 0.5, count: 20), buffer = p
        let g = [Float](repeating: 1, count: 20)
        var h = WideSGDHyper(decay: 0.1, mu: 0.9, keep: 1, neg_lr: -0.1, has_decay: 1, momentum: 1, first: 0, nesterov: 1)
        wide_sgd_step(5, &p, g, &buffer, &h)
        for values in [p, buffer] {
            #expect(values[5...].allSatisfy { $0 == 0.5 })
            #expect(values[..<5].allSatisfy { $0 != 0.5 })
        }
    }
}
