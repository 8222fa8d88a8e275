import Foundation
import Testing
@testable import NumericCore

@Suite("normal_ and torch.nn.init on the global generator (init_torch.json)")
struct ParameterInitTests {
    static func section(_ key: String) throws -> [[String: Any]] {
        guard let list = try Fixture.load("init_torch.json")[key] as? [[String: Any]] else {
            throw Fixture.Missing(description: "no \(key) in init_torch.json")
        }
        return list
    }

    @Test("normal_: both of torch's paths bitwise, and the generator where torch leaves it", arguments: 0..<7)
    func normal(index: Int) throws {
        let c = try Self.section("normal")[index]
        var generator = TorchGenerator(seed: UInt64(try c.int("seed")))
        let values = try generator.normal(count: try c.int("count"), mean: try c.double("mean"), std: try c.double("std"))
        let expected = try c.packedFloats("values")
        let differing = zip(values, expected).filter { $0.bitPattern != $1.bitPattern }.count
        #expect(values.count == expected.count && differing == 0, "\(differing) of \(expected.count) values differ")
        #expect(Int(generator.randomInt64()) == (try c.int("next_int64")))
    }

    @Test("small tensors share the scalar path's cached value", arguments: 0..<3)
    func smallSequence(index: Int) throws {
        let c = try Self.section("small_sequences")[index]
        guard let parts = c["values"] as? [Any] else { throw Fixture.Missing(description: "no values") }
        var generator = TorchGenerator(seed: UInt64(try c.int("seed")))
        let calls: [(Int, Double, Double)] = [(5, 0, 0.7), (3, 0, 1.3), (6, 0.25, 0.2), (16, 0, 1), (1, 0, 1)]
        for (k, (count, mean, std)) in calls.enumerated() {
            let values = try generator.normal(count: count, mean: mean, std: std)
            #expect(bits(values) == bits(try packedFloats(in: parts, at: k)), "call \(k + 1)")
        }
        #expect(Int(generator.randomInt64()) == (try c.int("next_int64")))
    }

    static func scheme(_ name: String, _ options: [String: Any]) throws -> ParameterInit {
        let a = options["a"] as? Double ?? 0
        let mode = ParameterInit.FanMode(rawValue: options["mode"] as? String ?? "fan_in") ?? .fanIn
        let nonlinearity = ParameterInit.Nonlinearity(rawValue: options["nonlinearity"] as? String ?? "leaky_relu") ?? .leakyReLU
        let gain = options["gain"] as? Double ?? 1
        switch name {
        case "kaiming_uniform": return .kaimingUniform(a: a, mode: mode, nonlinearity: nonlinearity)
        case "kaiming_normal": return .kaimingNormal(a: a, mode: mode, nonlinearity: nonlinearity)
        case "xavier_uniform": return .xavierUniform(gain: gain)
        case "xavier_normal": return .xavierNormal(gain: gain)
        case "zeros": return .zeros
        default: throw Fixture.Missing(description: "unknown init \(name)")
        }
    }

    @Test("every nn.init function and shape bitwise, generator in step", arguments: 0..<78)
    func initFunction(index: Int) throws {
        let c = try Self.section("init")[index]
        let shape = try c.ints("shape")
        let scheme = try Self.scheme(c["function"] as? String ?? "", try c.object("options"))
        var generator = TorchGenerator(seed: UInt64(try c.int("seed")))
        let values = try scheme.values(out: shape[0], in: shape[1], using: &generator)
        #expect(bits(values) == bits(try c.packedFloats("values")), "\(scheme) on \(shape)")
        #expect(Int(generator.randomInt64()) == (try c.int("next_int64")))
    }

    @Test("calculate_gain as torch computes it")
    func gains() {
        #expect(ParameterInit.Nonlinearity.relu.gain(0) == 2.0.squareRoot())
        #expect(ParameterInit.Nonlinearity.tanh.gain(0) == 5.0 / 3)
        #expect(ParameterInit.Nonlinearity.leakyReLU.gain(0) == 2.0.squareRoot())
    }

    @Test("kaiming_uniform_(a = √5) draws nn.Linear's default weights")
    func linearDefault() throws {
        var a = TorchGenerator(seed: 42), b = TorchGenerator(seed: 42)
        let weight = try a.linearInit(inFeatures: 20, outFeatures: 7).weight
        let kaiming = try ParameterInit.kaimingUniform(a: 5.0.squareRoot()).values(out: 7, in: 20, using: &b)
        #expect(bits(kaiming) == bits(weight))
    }
}
