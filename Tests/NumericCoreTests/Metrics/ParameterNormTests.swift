import Testing
@testable import NumericCore

@Suite("parameterNormSum")
struct ParameterNormTests {
    @Test("sum of the initial parameter norms within 1e-7 of torch", arguments: ["ex1", "ex5"])
    func matchesTorch(arch: String) throws {
        let fixture = try Fixture.load("data_torch.json").object("architectures").object(arch)
        var g = TorchGenerator(seed: 42)
        let layers = try g.mlpInit(layerSizes: try fixture.ints("sizes"))
        let total = parameterNormSum(layers.flatMap { [$0.weight, $0.bias] })
        let expected = try fixture.exactDouble("parameter_norm_sum")
        #expect(abs(total - expected) <= 1e-7 * expected)
    }

    @Test("norms of exact Pythagorean tensors add up")
    func exact() {
        #expect(parameterNormSum([[3, 4], [5, 12], [], [-8]]) == 5 + 13 + 0 + 8)
    }
}
