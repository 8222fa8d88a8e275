import Testing
@testable import NumericCore

/// Ten torch.optim steps per configuration on a 7-element float32 parameter, compared bit for bit with real
/// torch — parameters and state after every step (Fixtures/optim_traces.json).
@Suite struct OptimizerTraceTests {
    static let configurations: [String: @Sendable () throws -> any Optimizer] = [
        "SGD(lr=0.1)": { try SGD(lr: 0.1) },
        "SGD(lr=0.1, momentum=0.9)": { try SGD(lr: 0.1, momentum: 0.9) },
        "SGD(lr=0.1, momentum=0.9, nesterov=True)": { try SGD(lr: 0.1, momentum: 0.9, nesterov: true) },
        "SGD(lr=0.1, momentum=0.9, dampening=0.5)": { try SGD(lr: 0.1, momentum: 0.9, dampening: 0.5) },
        "SGD(lr=0.1, weight_decay=0.01)": { try SGD(lr: 0.1, weightDecay: 0.01) },
        "SGD(lr=0.05, momentum=0.8, dampening=0.1, weight_decay=1e-4)":
            { try SGD(lr: 0.05, momentum: 0.8, dampening: 0.1, weightDecay: 1e-4) },
        "SGD(lr=0.01, momentum=0.9, nesterov=True, weight_decay=1e-4)":
            { try SGD(lr: 0.01, momentum: 0.9, weightDecay: 1e-4, nesterov: true) },
        "Adam()": { try Adam() },
        "Adam(lr=0.01)": { try Adam(lr: 0.01) },
        "Adam(lr=0.01, weight_decay=0.01)": { try Adam(lr: 0.01, weightDecay: 0.01) },
        "Adam(lr=0.01, amsgrad=True)": { try Adam(lr: 0.01, amsgrad: true) },
        "Adam(lr=0.01, betas=(0.8, 0.99), eps=1e-6)": { try Adam(lr: 0.01, betas: (0.8, 0.99), eps: 1e-6) },
        "Adam(lr=0.01, betas=(0.3, 0.9))": { try Adam(lr: 0.01, betas: (0.3, 0.9)) },
        "AdamW()": { try AdamW() },
        "AdamW(lr=0.01, weight_decay=0.1)": { try AdamW(lr: 0.01, weightDecay: 0.1) },
        "AdamW(lr=0.01, weight_decay=0.1, amsgrad=True)": { try AdamW(lr: 0.01, weightDecay: 0.1, amsgrad: true) },
    ]

    /// The optimiser's state under torch's names.
    static func state(_ o: any Optimizer) -> [String: [Float]] {
        switch o {
        case let s as SGD: s.momentumBuffer.map { ["momentum_buffer": $0] } ?? [:]
        case let a as Adam: adam(a.state)
        case let a as AdamW: adam(a.state)
        default: [:]
        }
    }

    static func adam(_ s: AdamState<Float>) -> [String: [Float]] {
        var out = ["exp_avg": s.m, "exp_avg_sq": s.v]
        if !s.vmax.isEmpty { out["max_exp_avg_sq"] = s.vmax }
        return out
    }

    @Test func everyConfigurationIsCovered() throws {
        let traces = try Fixture.load("optim_traces.json").object("traces")
        #expect(Set(traces.keys) == Set(Self.configurations.keys))
    }

    @Test(arguments: Array(configurations.keys).sorted())
    func tenStepsAreBitwiseTorch(name: String) throws {
        let fixture = try Fixture.load("optim_traces.json")
        let grads = try fixture.matrix("grads").map { $0.map { Float($0) } }
        let trace = try fixture.object("traces").object(name)
        let params = try trace.matrix("params")
        guard let states = trace["state"] as? [[String: Any]], let make = Self.configurations[name] else {
            throw Fixture.Missing(description: "state of \(name)")
        }
        #expect(grads.count == 10 && params.count == 10 && states.count == 10)
        var optimizer = try make()
        var p = try fixture.floats("start")
        for (t, g) in grads.enumerated() {
            try optimizer.step(parameters: &p, gradients: g)
            #expect(bits(p) == bits(params[t].map { Float($0) }), "\(name) step \(t + 1): parameters")
            let ours = Self.state(optimizer)
            // The same buffers as torch's, so the comparison below cannot pass by comparing none.
            #expect(Set(states[t].keys.filter { $0 != "step" }) == Set(ours.keys), "\(name) step \(t + 1): state buffers")
            for (key, value) in states[t] where key != "step" {
                let torch = try states[t].floats(key)
                #expect(bits(ours[key] ?? []) == bits(torch), "\(name) step \(t + 1): \(key)")
                _ = value
            }
            if let step = states[t]["step"] as? Double {
                let ourStep = (optimizer as? Adam)?.state.step ?? (optimizer as? AdamW)?.state.step
                #expect(ourStep == step)
            }
        }
    }
}
