import Foundation
import Testing
@testable import NumericCore

@Suite("Dropout: torch's masks, values, gradients and generator consumption (layers_dropout.json)")
struct DropoutTests {
    @Test("output, input gradient and the generator's next int64, bitwise", arguments: 0..<48)
    func dropoutCase(index: Int) throws {
        let c = try Fixture.testCase("layers_dropout.json", index, of: 48)
        let shape = try c.ints("shape"), count = shape.reduce(1, *)
        let x = wave(count: count, 1, scale: 2), gradOutput = wave(count: count, 2)
        let dropout = try Dropout(p: try c.double("p"))
        var generator = TorchGenerator(seed: UInt64(try c.int("seed")))
        let (y, noise) = dropout.forward(try Tensor(rows: 1, cols: count, scalars: x), using: &generator)
        #expect(bits(y.scalars) == bits(try c.packedFloats("y")))
        #expect(Int(generator.randomInt64()) == (try c.int("next_int64")))
        let gradInput = zip(gradOutput, noise).map { $0 * $1 }
        #expect(FixtureDigest.hex(gradInput) == c["grad_input_fnv1a64"] as? String)
    }

    @Test("p = 0, p = 1 and eval mode draw nothing")
    func noDraws() throws {
        let quiet = try #require(try Fixture.load("layers_dropout.json")["no_draws"] as? [[String: Any]])
        for q in quiet {
            let p = try q.double("p"), training = q["training"] as? Bool ?? true
            var generator = TorchGenerator(seed: 3)
            let x = try Tensor(rows: 1, cols: 50, scalars: (1...50).map(Float.init))
            let y = training ? try Dropout(p: p).forward(x, using: &generator).output : x
            #expect(bits(y.scalars) == bits(try q.packedFloats("y")))
            #expect(Int(generator.randomInt64()) == (try q.int("next_int64")))
        }
    }

    @Test("a training-loop sequence: Linear init, DataLoader order and dropout masks stay in sync")
    func sequence() throws {
        let s = try Fixture.load("layers_dropout.json").object("sequence")
        var generator = TorchGenerator(seed: 42)
        let (weight, bias) = try generator.linearInit(inFeatures: 8, outFeatures: 16)
        #expect(bits(weight) == bits(try s.packedFloats("weight")))
        #expect(bits(bias) == bits(try s.packedFloats("bias")))
        let layer = try Linear(inFeatures: 8, outFeatures: 16, weight: weight, bias: bias)
        let x = wave(count: 150 * 8, 0.5)
        let loader = try ShuffledBatches(count: 150, batchSize: 64)
        let dropout = try Dropout(p: 0.5)
        let batches = try #require(s["batches"] as? [[String: Any]])
        var expected = batches[...]
        for _ in 0..<2 {
            for rows in loader.epochBatches(using: &generator) {
                let next = expected.popFirst()
                let batch = try #require(next)
                #expect(rows == (try batch.ints("rows")))
                let xb = try Tensor(rows: rows.count, cols: 8, scalars: rows.flatMap { x[($0 * 8)..<($0 * 8 + 8)] })
                let out = dropout.forward(try layer.forward(xb), using: &generator).output
                #expect(bits(out.scalars) == bits(try batch.packedFloats("output")))
            }
        }
        #expect(Int(generator.randomInt64()) == (try s.int("next_int64")))
    }

    @Test("the integer keep threshold is torch's comparison u = v·2⁻⁵³ < 1 − p at its edge")
    func keepThresholdIsTheComparisonsEdge() {
        for p in [1e-12, 0.1, 0.2, 0.25, 1.0 / 3, 0.5, 0.7, 0.9, 0.999_999, 1 - 0x1p-53] {
            let keep = 1 - p
            let t = Dropout.keepThreshold(keep)
            // The last kept value and the first dropped one, by torch's own double comparison.
            #expect(Double(t - 1) * 0x1p-53 < keep, "p = \(p)")
            #expect(!(Double(t) * 0x1p-53 < keep), "p = \(p)")
        }
    }

    @Test("p outside [0, 1] is refused")
    func badProbability() {
        #expect(throws: ModelError.invalidProbability(1.5)) { try Dropout(p: 1.5) }
        #expect(throws: ModelError.invalidProbability(-0.1)) { try Dropout(p: -0.1) }
    }
}
