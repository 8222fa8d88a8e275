import Foundation
import Testing
@testable import NumericCore

@Suite("torch CPU generator and nn.Linear initialisation")
struct TorchGeneratorTests {
    @Test("float32 uniform_ with non-power-of-two bounds (fused form)")
    func uniform() throws {
        let fixture = try Fixture.load("data_torch.json")
        var g = TorchGenerator(seed: 7)
        let got = try g.uniform(count: 12, low: -0.3, high: 0.7)
        #expect(got.map(\.bitPattern) == (try fixture.floats("uniform_seed7_-0.3_0.7")).map(\.bitPattern))
    }

    @Test("manual_seed keeps seed mod 2^32")
    func seedReduction() throws {
        let fixture = try Fixture.load("data_torch.json")
        var big = TorchGenerator(seed: (1 << 40) + 5)
        let expected = try fixture.floats("uniform_seed_2^40+5")
        #expect(try big.uniform(count: 3, low: 0, high: 1) == expected)
        #expect(expected == (try fixture.floats("uniform_seed5")))
    }

    @Test("int64 random_() is next64 mod 2^63")
    func randomInt64() throws {
        let expected = try #require(try Fixture.load("data_torch.json")["int64_seed42"] as? [NSNumber]).map(\.int64Value)
        var g = TorchGenerator(seed: 42)
        #expect((0..<3).map { _ in g.randomInt64() } == expected)
    }

    @Test("randperm with a private generator", arguments: ["3_10", "11_65", "2024_1000"])
    func randperm(key: String) throws {
        let fixture = try Fixture.load("data_torch.json").object("randperm").object(key)
        var g = TorchGenerator(seed: UInt64(try fixture.double("seed")))
        let p = try g.randperm(Int(try fixture.double("n")))
        #expect(FixtureDigest.hex(p) == fixture["fnv1a64"] as? String)
        #expect(Array(p.prefix(10)) == (try fixture.ints("first_10")))
    }

    @Test("every initial parameter of 4-64-32-1 and 20-128-64-1 after manual_seed(42)", arguments: ["ex1", "ex5"])
    func mlpInit(arch: String) throws {
        let fixture = try Fixture.load("data_torch.json").object("architectures").object(arch)
        let params = try #require(fixture["parameters"] as? [[String: Any]])
        var g = TorchGenerator(seed: 42)
        let layers = try g.mlpInit(layerSizes: try fixture.ints("sizes"))
        let tensors = layers.flatMap { [$0.weight, $0.bias] }
        #expect(tensors.count == params.count)
        for (tensor, p) in zip(tensors, params) {
            #expect(tensor.count == (try p.ints("shape")).reduce(1, *), "\(p["name"] ?? "")")
            #expect(FixtureDigest.hex(tensor) == p["fnv1a64"] as? String, "\(p["name"] ?? "")")
            #expect(Array(tensor.prefix(4)) == (try p.floats("first_4")))
            #expect(tensor.last == Float(try p.double("last")))
        }
    }

    @Test("bad layer sizes throw")
    func badSizes() {
        var g = TorchGenerator(seed: 1)
        #expect(throws: DataError.invalidCount(name: "in_features", value: 0, minimum: 1)) {
            try g.linearInit(inFeatures: 0, outFeatures: 3)
        }
        #expect(throws: DataError.invalidCount(name: "number of layer sizes", value: 1, minimum: 2)) {
            try g.mlpInit(layerSizes: [4])
        }
        #expect(throws: DataError.invalidCount(name: "n", value: -1, minimum: 0)) { try g.randperm(-1) }
    }
}
