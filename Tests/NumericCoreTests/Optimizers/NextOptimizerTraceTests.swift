import Foundation
import Testing
@testable import NumericCore

/// RMSprop, Adagrad, NAdam, RAdam and Adamax against 40 steps of real torch.optim on float32 parameters
/// (Fixtures/optim_next_traces.json, from scripts/reference/optim_next_fixtures.py).
///
/// Every step's parameters bit for bit: the optimisers that take a square root take torch's (`MKLSquareRoot`), which
/// on the AVX-512 machine the fixture was made on differs from the IEEE root for about 0.6 % of inputs.
@Suite struct NextOptimizerTraceTests {
    static let configurations: [String: @Sendable () throws -> any Optimizer] = [
        "RMSprop()": { try RMSprop() },
        "RMSprop(lr=1e-3, momentum=0.9)": { try RMSprop(lr: 1e-3, momentum: 0.9) },
        "RMSprop(centered=True, weight_decay=1e-2)": { try RMSprop(weightDecay: 1e-2, centered: true) },
        "Adagrad()": { try Adagrad() },
        "Adagrad(lr_decay=1e-2, weight_decay=1e-3, initial_accumulator_value=0.1)":
            { try Adagrad(lrDecay: 1e-2, weightDecay: 1e-3, initialAccumulatorValue: 0.1) },
        "NAdam()": { try NAdam() },
        "NAdam(weight_decay=1e-2)": { try NAdam(weightDecay: 1e-2) },
        "NAdam(weight_decay=1e-2, decoupled_weight_decay=True)": { try NAdam(weightDecay: 1e-2, decoupledWeightDecay: true) },
        "RAdam()": { try RAdam() },
        "RAdam(weight_decay=1e-2)": { try RAdam(weightDecay: 1e-2) },
        "RAdam(weight_decay=1e-2, decoupled_weight_decay=True)": { try RAdam(weightDecay: 1e-2, decoupledWeightDecay: true) },
        "Adamax()": { try Adamax() },
        "Adamax(lr=1e-2, weight_decay=1e-2)": { try Adamax(lr: 1e-2, weightDecay: 1e-2) },
    ]

    struct Trace { let name: String; let size: Int; let params: [Float] }

    static func traces() throws -> [Trace] {
        let list = try #require(try Fixture.load("optim_next_traces.json")["traces"] as? [[String: Any]])
        return try list.map { Trace(name: try #require($0["optimizer"] as? String), size: try $0.int("size"),
                                    params: try $0.packedFloats("params")) }
    }

    @Test func everyConfigurationIsCovered() throws {
        #expect(Set(try Self.traces().map(\.name)) == Set(Self.configurations.keys))
    }

    @Test("40 steps follow torch", arguments: Array(configurations.keys).sorted())
    func followsTorch(name: String) throws {
        for trace in try Self.traces() where trace.name == name {
            let n = trace.size
            let make = try #require(Self.configurations[name])
            var optimizer = try make()
            var p = wave(count: n, 0.7 * Double(n))
            var firstDifferent: Int?
            for s in 0..<40 {
                let g = wave(count: n, 0.11 * Double(s) + Double(n), scale: pow(10, Double(-3 + s % 4)))
                try optimizer.step(parameters: &p, gradients: g)
                if firstDifferent == nil, bits(p) != bits(Array(trace.params[(s * n)..<((s + 1) * n)])) { firstDifferent = s + 1 }
            }
            #expect(firstDifferent == nil, "\(name), n = \(n): parameters differ from torch's from step \(firstDifferent ?? 0)")
        }
    }

    @Test("RAdam's first steps take no square root: bitwise")
    func radamWarmup() throws {
        for trace in try Self.traces() where trace.name.hasPrefix("RAdam") {
            let n = trace.size
            let make = try #require(Self.configurations[trace.name])
            var optimizer = try make()
            var p = wave(count: n, 0.7 * Double(n))
            for s in 0..<5 {
                let g = wave(count: n, 0.11 * Double(s) + Double(n), scale: pow(10, Double(-3 + s % 4)))
                try optimizer.step(parameters: &p, gradients: g)
                #expect(bits(p) == bits(Array(trace.params[(s * n)..<((s + 1) * n)])), "\(trace.name) step \(s + 1)")
            }
        }
    }

    @Test("values torch refuses are refused")
    func refusals() {
        #expect(throws: OptimizerError.invalidOption(name: "alpha", value: -1)) { try RMSprop(alpha: -1) }
        #expect(throws: OptimizerError.invalidOption(name: "lr_decay", value: -1)) { try Adagrad(lrDecay: -1) }
        #expect(throws: OptimizerError.invalidOption(name: "momentum_decay", value: -1)) { try NAdam(momentumDecay: -1) }
        #expect(throws: OptimizerError.invalidBeta(index: 1, value: 1)) { try RAdam(betas: (0.9, 1)) }
        #expect(throws: OptimizerError.invalidEpsilon(-1)) { try Adamax(eps: -1) }
    }
}
