import Testing
@testable import NumericCore

/// The lesson's ex2: Adam on a float64 vector equals torch's float64 Adam exactly (Fixtures/optim_adam_float64.json).
@Suite struct AdamFloat64Tests {
    @Test func fiveStepsAreBitwiseTorch() throws {
        let f = try Fixture.load("optim_adam_float64.json")
        func rows(_ key: String) throws -> [[Double]] {
            let flat = try f.packedDoubles(key)
            return stride(from: 0, to: flat.count, by: 4).map { Array(flat[$0..<($0 + 4)]) }
        }
        let grads = try rows("grads"), params = try rows("params")
        let ms = try rows("exp_avg"), vs = try rows("exp_avg_sq")
        #expect(grads.count == 5)
        var adam = try Adam(lr: 0.001)
        var w = try f.packedDoubles("start")
        for t in 0..<grads.count {
            try adam.step(parameters: &w, gradients: grads[t])
            #expect(bits(w) == bits(params[t]), "step \(t + 1)")
            #expect(bits(adam.state64.m) == bits(ms[t]) && bits(adam.state64.v) == bits(vs[t]), "step \(t + 1) state")
        }
        #expect(adam.state.isEmpty)                                   // the float32 state is untouched
    }
}
