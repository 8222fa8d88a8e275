import Foundation
import Testing
@testable import NumericCore

@Suite("Linear on small batches: MKL's small-batch orders on the AVX-512 machine (layers_small_batch.json)")
struct SmallBatchProductsTests {
    /// 14 layer shapes on 2 and 3 rows, then 32 → 2 and 32 → 3 on 4, 5, 8, 9, 15 and 16 rows (the 16-lane kernel up to
    /// 15 and 10 rows, the fused chain beyond), 6 → 8 and 1 → 16 on 5 and 9 rows; 64 inputs on 2 rows take the quarters.
    @Test("forward, input and weight gradient bitwise torch on 2 to 16 rows", arguments: 0..<44)
    func products(index: Int) throws {
        guard let cases = try Fixture.load("layers_small_batch.json")["products"] as? [[String: Any]], cases.count == 44 else {
            throw Fixture.Missing(description: "layers_small_batch.json does not hold 44 product cases")
        }
        try LinearProductCase.expectBitwise(cases[index])
    }

    /// 48 to 200 inputs with 2, 3 and 12 outputs on 2 to 16 rows: the quarters order where in ≥ 24 · rows, the 16-lane
    /// order (pairs of vectors on even rows) for 2 and 3 outputs beyond it, then the fused chain (docs/parity.md §4.2a).
    @Test("forward bitwise torch with 48 to 200 inputs on 2 to 16 rows")
    func wideInputs() throws {
        guard let cases = try Fixture.load("layers_small_batch.json")["wide_inputs"] as? [[String: Any]], cases.count == 119 else {
            throw Fixture.Missing(description: "layers_small_batch.json does not hold 119 wide-input cases")
        }
        for c in cases { try LinearProductCase.expectBitwise(c, gradients: false) }
    }

    /// One row: MKL's matrix-vector products, W·x with each output a row of the one-output layer's forward order by
    /// its position, Wᵀ·g in the one-output weight gradient's order (docs/parity.md §4.2b); in 1 to 128, 1 to 32 outputs.
    @Test("one row: forward, input and weight gradient bitwise torch")
    func oneRow() throws {
        guard let cases = try Fixture.load("layers_small_batch.json")["one_row"] as? [[String: Any]], cases.count == 80 else {
            throw Fixture.Missing(description: "layers_small_batch.json does not hold 80 one-row cases")
        }
        for c in cases { try LinearProductCase.expectBitwise(c, rows: 1) }
    }

    /// A layer of one input, whose gradients MKL computes as matrix-vector products in the one-output layer's orders
    /// (docs/parity.md §4.2b): out 2 to 100 on 2 to 67 rows.
    @Test("one input: forward, input and weight gradient bitwise torch on 2 to 67 rows")
    func oneInput() throws {
        guard let cases = try Fixture.load("layers_small_batch.json")["one_input"] as? [[String: Any]], cases.count == 110 else {
            throw Fixture.Missing(description: "layers_small_batch.json does not hold 110 one-input cases")
        }
        for c in cases { try LinearProductCase.expectBitwise(c, inFeatures: 1) }
    }

    @Test("bn-batch-size's batch-norm network on batches of 2 at lr 0.1: parameters, running statistics and loss bitwise after 1 and 20 epochs")
    func batchesOfTwo() throws {
        let run = try Fixture.load("layers_small_batch.json").object("run")
        let x = try run.packedFloats("x"), y = try run.ints("y").map(Float.init), order = try run.packedInts("order")
        let initial = try run.packedFloats("init")
        let shapes = [64, 32, 32, 32, 1024, 32, 32, 32, 64, 2]
        var tensors: [[Float]] = [], offset = 0
        for count in shapes {
            tensors.append(Array(initial[offset..<(offset + count)]))
            offset += count
        }
        var model = try MLP(inputFeatures: 2, layers: [.linear(outFeatures: 32), .batchNorm(), .relu, .linear(outFeatures: 32),
                                                       .batchNorm(), .relu, .linear(outFeatures: 2)], parameters: tensors)
        var sgd = try SGD(lr: 0.1, momentum: 0.9)
        guard let checkpoints = run["checkpoints"] as? [[String: Any]], checkpoints.count == 2 else {
            throw Fixture.Missing(description: "layers_small_batch.json: two checkpoints expected")
        }
        var step = 0
        for checkpoint in checkpoints {
            let until = try checkpoint.int("step")
            var loss: Float = .nan
            while step < until {
                let rows = order[(2 * step)..<(2 * step + 2)]
                let xb = rows.flatMap { [x[2 * $0], x[2 * $0 + 1]] }, yb = rows.map { y[$0] }
                loss = xb.withUnsafeBufferPointer { xp in
                    yb.withUnsafeBufferPointer { yp in
                        model.trainStep(x: xp.baseAddress!, y: yp.baseAddress!, rows: 2, loss: .crossEntropy())
                    }
                }
                try sgd.step(parameters: &model.parameters, gradients: model.gradients)
                step += 1
            }
            #expect(loss.bitPattern == Float(try checkpoint.double("loss")).bitPattern, "loss at step \(until)")
            #expect(bits(model.parameters) == bits(try checkpoint.packedFloats("parameters")), "parameters at step \(until)")
            let running = model.batchNorms.flatMap { $0.runningMean + $0.runningVar }
            #expect(bits(running) == bits(try checkpoint.packedFloats("running")), "running statistics at step \(until)")
        }
    }
}
