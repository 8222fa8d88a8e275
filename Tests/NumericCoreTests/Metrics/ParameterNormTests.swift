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

/// One tensor's `p.norm()` against torch (`metrics_norm.json` from scripts/reference/norm_fixtures.py: 30 tensors
/// for each length 1–40, 64, 100, 256, 2048, 2049): bit for bit where the length leaves at most 3 values after the
/// eight-lane part; with 4 to 7 left over, within one ulp (torch's compiled tail is not followed there).
@Suite struct TensorNormTests {
    @Test func normsAreTorchs() throws {
        let cases = try #require(try Fixture.load("metrics_norm.json")["cases"] as? [[String: Any]])
        #expect(cases.count == 45)
        var inTail = (checked: 0, differing: 0), sumInBinary64Differs = 0
        for c in cases {
            let n = try c.int("n"), x = try c.packedFloats("x"), torch = try c.packedFloats("norms")
            for row in 0..<torch.count {
                let tensor = Array(x[(row * n)..<((row + 1) * n)])
                let ours = parameterNorm(tensor)
                let binary64 = Float(tensor.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot())
                if binary64.bitPattern != torch[row].bitPattern { sumInBinary64Differs += 1 }
                if n % 8 <= 3 {
                    #expect(ours.bitPattern == torch[row].bitPattern, "n = \(n), tensor \(row): \(ours) vs torch \(torch[row])")
                } else {
                    inTail.checked += 1
                    if ours.bitPattern != torch[row].bitPattern { inTail.differing += 1 }
                    #expect(abs(Int(ours.bitPattern) - Int(torch[row].bitPattern)) <= 1, "n = \(n), tensor \(row)")
                }
            }
        }
        #expect(inTail.differing * 5 <= inTail.checked, "\(inTail.differing) of \(inTail.checked) norms with 4–7 left over differ")
        #expect(sumInBinary64Differs > 50, "the fixture must tell torch's order from a sum in binary64")
    }
}
