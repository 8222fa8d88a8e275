import Testing
@testable import NumericCore

/// Adam's SIMD path (eight lanes at a time) gives the same bits as its one-element path: the torch traces
/// use 7 elements, so they only exercise the latter.
@Suite struct AdamVectorisedTests {
    static func values(_ n: Int, seed: UInt32, scale: Float) -> [Float] {
        var s = seed
        return (0..<n).map { _ in
            s = s &* 1_664_525 &+ 1_013_904_223
            return Float(Int32(bitPattern: s) >> 8) / Float(1 << 23) * scale
        }
    }

    @Test(arguments: [false, true])
    func vectorAndScalarPathsAgreeBitwise(amsgrad: Bool) throws {
        let n = 37
        let configurations: [any Optimizer] = [
            try Adam(lr: 0.01, weightDecay: 0.01, amsgrad: amsgrad),
            try AdamW(lr: 0.01, betas: (0.3, 0.99), weightDecay: 0.1, amsgrad: amsgrad),
        ]
        for optimizer in configurations {
            var whole = optimizer
            var single = Array(repeating: optimizer, count: n)
            var p = Self.values(n, seed: 7, scale: 1)
            var q = p.map { [$0] }
            for step in 0..<6 {
                let g = Self.values(n, seed: UInt32(100 + step), scale: step % 2 == 0 ? 0.01 : 3)
                try whole.step(parameters: &p, gradients: g)
                for i in 0..<n { try single[i].step(parameters: &q[i], gradients: [g[i]]) }
                #expect(bits(p) == bits(q.map { $0[0] }), "step \(step + 1), \(type(of: optimizer))")
            }
        }
    }
}
