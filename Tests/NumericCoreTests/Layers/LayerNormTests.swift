import Foundation
import Testing
@testable import NumericCore

@Suite("LayerNorm: forward, row statistics and backward, T threads (layers_layernorm.json)")
struct LayerNormTests {
    static func load(_ index: Int) throws -> (norm: LayerNorm, c: [String: Any], x: Tensor, dy: Tensor,
                                               weight: [Float], bias: [Float]) {
        let c = try Fixture.testCase("layers_layernorm.json", index, of: 24)
        let (n, f, i) = (try c.int("rows"), try c.int("features"), try c.int("case"))
        let options = try c.object("options")
        let norm = try LayerNorm(features: f, eps: options["eps"] as? Double ?? 1e-5,
                                 affine: options["elementwise_affine"] as? Bool ?? true, threads: try c.int("threads"))
        let weight = norm.affine ? try c.packedFloats("weight") : []
        let bias = norm.affine ? try c.packedFloats("bias") : []
        let x = try Tensor(rows: n, cols: f, scalars: try c.packedFloats("x"))
        let dy = try Tensor(rows: n, cols: f, scalars: wave(count: n * f, 7 - Double(i)))
        return (norm, c, x, dy, weight, bias)
    }

    /// Every case (1 to 2 100 features, T = 1 and 2): each row's mean bitwise; the input gradient bitwise given
    /// torch's mean and rstd (its reductions and fused steps, docs/parity.md §4.6); the weight and bias gradients
    /// bitwise given our forward pass where that pass is bitwise.
    @Test("mean and input gradient bitwise torch, every row length", arguments: 0..<24)
    func meanAndInputGradient(index: Int) throws {
        let (norm, c, x, dy, weight, bias) = try Self.load(index)
        let (_, saved) = try norm.forward(x, weight: weight, bias: bias)
        #expect(bits(saved.mean) == bits(try c.packedFloats("mean")), "mean, case \(index)")
        let torchSaved = LayerNorm.Saved(mean: try c.packedFloats("mean"), rstd: try c.packedFloats("rstd"))
        let grads = try norm.backward(input: x, outputGradient: dy, weight: weight, saved: torchSaved)
        #expect(bits(grads.input.scalars) == bits(try c.packedFloats("grad_input")), "input gradient, case \(index)")
        if norm.affine {
            #expect(bits(grads.weight) == bits(try c.packedFloats("grad_weight")), "weight gradient, case \(index)")
            #expect(bits(grads.bias) == bits(try c.packedFloats("grad_bias")), "bias gradient, case \(index)")
        }
    }

    /// The forward pass and all three gradients from our own statistics, bitwise, for rows up to 64 features.
    @Test("forward and gradients bitwise torch (short rows)", arguments: [0, 1, 2, 3, 8, 9, 10, 11, 12, 13, 14, 15, 20, 21, 22, 23])
    func layerNormCase(index: Int) throws {
        let (norm, c, x, dy, weight, bias) = try Self.load(index)
        let (y, saved) = try norm.forward(x, weight: weight, bias: bias)
        #expect(bits(saved.rstd) == bits(try c.packedFloats("rstd")), "rstd, case \(index)")
        #expect(bits(y.scalars) == bits(try c.packedFloats("y")), "output, case \(index)")
        let grads = try norm.backward(input: x, outputGradient: dy, weight: weight, saved: saved)
        #expect(bits(grads.input.scalars) == bits(try c.packedFloats("grad_input")), "input gradient, case \(index)")
        if norm.affine {
            #expect(bits(grads.weight) == bits(try c.packedFloats("grad_weight")), "weight gradient, case \(index)")
            #expect(bits(grads.bias) == bits(try c.packedFloats("grad_bias")), "bias gradient, case \(index)")
        }
    }

    /// Rows of 100 to 2 100 features: rstd from our variance, per row (the m2 merge not identified; §4.6).
    @Test("rstd of long rows", arguments: [4, 5, 6, 7, 16, 17, 18, 19])
    func longRows(index: Int) throws {
        let (norm, c, x, _, weight, bias) = try Self.load(index)
        let (_, saved) = try norm.forward(x, weight: weight, bias: bias)
        let torch = try c.packedFloats("rstd")
        let ulps = zip(saved.rstd, torch).map { abs(Int($0.bitPattern) - Int($1.bitPattern)) }
        print("case \(index), \(norm.features) features: rstd ulps from torch \(ulps)")
        #expect(ulps.allSatisfy { $0 == 0 }, "rstd, case \(index)")
    }

    /// 768 rows of 72 to 2 100 features at three scales (layers_layernorm_rows.json): the mean bitwise for every
    /// row; rstd (from the variance, eps 1e-12) bitwise for most and within 2 ulp of torch's for all — the variance's
    /// cascade beyond 16 vectors is not fully identified (docs/parity.md §4.6).
    @Test("row statistics of long rows")
    func longRowStatistics() throws {
        guard let cases = try Fixture.load("layers_layernorm_rows.json")["cases"] as? [[String: Any]], cases.count == 24 else {
            throw Fixture.Missing(description: "24 cases in layers_layernorm_rows.json")
        }
        var rows = 0, exact = 0, worst = 0
        for (i, c) in cases.enumerated() {
            let (n, f) = (try c.int("rows"), try c.int("features"))
            let k = 0.1 * Double(f) + Double(i % 3)      // the script's k, computed as it does
            let offset = Float(try c.double("offset"))
            let x = wave(count: n * f, k, scale: try c.double("scale")).map { $0 + offset }
            let norm = try LayerNorm(features: f, eps: 1e-12, affine: false)
            let (_, saved) = try norm.forward(try Tensor(rows: n, cols: f, scalars: x), weight: [], bias: [])
            #expect(bits(saved.mean) == bits(try c.packedFloats("mean")), "mean, \(f) features, case \(i)")
            for (ours, torch) in zip(saved.rstd, try c.packedFloats("rstd")) {
                let ulps = abs(Int(ours.bitPattern) - Int(torch.bitPattern))
                rows += 1
                exact += ulps == 0 ? 1 : 0
                worst = max(worst, ulps)
            }
        }
        print("long rows: rstd bitwise for \(exact) of \(rows) rows, at most \(worst) ulp apart")
        #expect(rows == 768 && worst <= 2)
    }

    @Test("inside a model: the same output and gradients as the layer alone, train and eval mode alike")
    func inModel() throws {
        let c = try Fixture.testCase("layers_layernorm.json", 9, of: 24)   // 64 × 32, affine
        let (n, f) = (try c.int("rows"), try c.int("features"))
        let weight = try c.packedFloats("weight"), bias = try c.packedFloats("bias")
        let x = try Tensor(rows: n, cols: f, scalars: try c.packedFloats("x"))
        // Linear(32, 32) as the identity, so the layer norm sees x itself.
        let identity = (0..<(f * f)).map { $0 / f == $0 % f ? Float(1) : 0 }
        var model = try MLP(inputFeatures: f, layers: [.linear(outFeatures: f), .layerNorm()],
                            parameters: [identity, [Float](repeating: 0, count: f), weight, bias])
        #expect(bits(try model.forward(x, mode: .eval).scalars) == bits(try c.packedFloats("y")))
        #expect(bits(try model.forward(x, mode: .train).scalars) == bits(try c.packedFloats("y")))
        let dy = try Tensor(rows: n, cols: f, scalars: wave(count: n * f, 7 - 9))
        try model.backward(input: x, outputGradient: dy)
        #expect(bits(model.gradient(2)) == bits(try c.packedFloats("grad_weight")))
        #expect(bits(model.gradient(3)) == bits(try c.packedFloats("grad_bias")))
    }

    @Test("bad options are refused")
    func options() {
        #expect(throws: ModelError.invalidOption(name: "eps", value: 0, rule: "must be positive")) {
            try LayerNorm(features: 3, eps: 0)
        }
        #expect(throws: ModelError.invalidSizes([0])) { try LayerNorm(features: 0) }
    }
}
