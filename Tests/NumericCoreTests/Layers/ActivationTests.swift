import Foundation
import Testing
@testable import NumericCore

@Suite("Activations: torch's Tanh, Sigmoid, GELU, LeakyReLU, SiLU, ELU on float32 (layers_activations.json)")
struct ActivationTests {
    static let modules: [String: Activation] = [
        "tanh": .tanh, "sigmoid": .sigmoid, "gelu": .gelu, "gelu_tanh": .geluTanh,
        "leaky_relu": .leakyReLU(), "leaky_relu_0.2": .leakyReLU(negativeSlope: 0.2), "silu": .silu,
        "elu": .elu(), "elu_0.5": .elu(alpha: 0.5),
    ]
    static let caseCount = 94

    struct Run {
        let activation: Activation
        let x: [Float], y: [Float], gradInput: [Float]
    }

    /// Case `index`: the core's forward, and its backward from torch's grad_output (and, for tanh, torch's y).
    static func run(_ c: [String: Any]) throws -> (Activation, Run) {
        let name = try #require(c["activation"] as? String)
        let activation = try #require(modules[name])
        let count = try c.ints("shape").reduce(1, *), k = try c.double("k"), threads = try c.int("threads")
        let x = wave(count: count, k, scale: try c.double("scale")), gradOutput = wave(count: count, k + 1.5)
        var y = [Float](repeating: 0, count: count), dx = y
        x.withUnsafeBufferPointer { xp in
            y.withUnsafeMutableBufferPointer { activation.forward(xp.baseAddress!, $0.baseAddress!, count: count, threads: threads) }
        }
        // tanh's forward is MKL's in torch; its backward is checked from torch's own output.
        let yForBackward = activation == .tanh ? try c.packedFloats("y") : y
        gradOutput.withUnsafeBufferPointer { gp in
            x.withUnsafeBufferPointer { xp in
                yForBackward.withUnsafeBufferPointer { yp in
                    dx.withUnsafeMutableBufferPointer {
                        activation.backward(gp.baseAddress!, x: xp.baseAddress!, y: yp.baseAddress!, $0.baseAddress!,
                                            count: count, threads: threads)
                    }
                }
            }
        }
        return (activation, Run(activation: activation, x: x, y: y, gradInput: dx))
    }

    @Test("forward and input gradient bitwise (tanh's forward: within 1 ulp of MKL's)", arguments: 0..<caseCount)
    func activationCase(index: Int) throws {
        let c = try Fixture.testCase("layers_activations.json", index, of: Self.caseCount)
        let (activation, run) = try Self.run(c)
        if let digest = c["y_fnv1a64"] as? String {
            #expect(FixtureDigest.hex(run.y) == digest, "\(activation) forward")
            #expect(FixtureDigest.hex(run.gradInput) == c["grad_input_fnv1a64"] as? String, "\(activation) backward")
            return
        }
        let torchY = try c.packedFloats("y")
        if activation == .tanh {
            let ulps = zip(run.y, torchY).map { abs(Int64($0.bitPattern) - Int64($1.bitPattern)) }
            #expect(ulps.max() ?? 0 <= 1)
        } else {
            #expect(bits(run.y) == bits(torchY), "\(activation) forward")
        }
        #expect(bits(run.gradInput) == bits(try c.packedFloats("grad_input")), "\(activation) backward")
    }

    @Test("every module of the fixture is covered")
    func everyModule() throws {
        let cases = try #require(try Fixture.load("layers_activations.json")["cases"] as? [[String: Any]])
        #expect(Set(cases.compactMap { $0["activation"] as? String }) == Set(Self.modules.keys))
    }

    @Test("SLEEF's tanhf and expm1f at their special values")
    func specialValues() {
        #expect(SLEEF.tanh(0) == 0 && SLEEF.tanh(-0.0).sign == .minus)
        #expect(SLEEF.tanh(20) == 1 && SLEEF.tanh(-20) == -1 && SLEEF.tanh(.nan).isNaN)
        #expect(SLEEF.expm1(-0.0).sign == .minus && SLEEF.expm1(-30) == -1 && SLEEF.expm1(100) == .infinity)
    }

    @Test("a non-finite negative_slope or alpha is refused")
    func refusesNonFinite() {
        #expect(throws: ModelError.self) {
            try MLP(inputFeatures: 2, layers: [.linear(outFeatures: 2), .activation(.elu(alpha: .nan)), .linear(outFeatures: 1)],
                    parameters: [[0, 0, 0, 0], [0, 0], [0, 0], [0]])
        }
    }
}
