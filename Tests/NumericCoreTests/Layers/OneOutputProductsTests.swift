import Foundation
import Testing
@testable import NumericCore

@Suite("Linear with one output: MKL's gemv orders, and the first module's networks step by step (layers_one_output.json)")
struct OneOutputProductsTests {
    static func cases(_ key: String) throws -> [[String: Any]] {
        guard let cases = try Fixture.load("layers_one_output.json")[key] as? [[String: Any]], !cases.isEmpty else {
            throw Fixture.Missing(description: "layers_one_output.json has no \(key) cases")
        }
        return cases
    }

    @Test("forward bitwise torch: in 1 … 129 on 2 to 400 rows, the 1 … 3 rows past a multiple of 4 included")
    func forward() throws {
        for c in try Self.cases("forward") {
            let (rows, fin) = (try c.int("rows"), try c.int("in"))
            let layer = Linear(validatedIn: fin, out: 1, weight: try c.packedFloats("weight"), bias: try c.packedFloats("bias"))
            let y = try layer.forward(Tensor(validatedRows: rows, cols: fin, scalars: try c.packedFloats("x")))
            #expect(bits(y.scalars) == bits(try c.packedFloats("y")), "forward \(rows) × \(fin) → 1")
        }
    }

    /// Rows that load their last 1 … 15 products as a whole vector read into the next row; those lanes are zeroed
    /// before the product, so an infinity or NaN there changes nothing (and the last rows, copied, agree).
    @Test("a row's output does not depend on the row after it", arguments: [2, 17, 20, 33, 47])
    func rowsAreIndependent(fin: Int) throws {
        let rows = 8
        // Fixed inputs, spread over [−1, 1) and [−2, 2) (a multiplicative walk modulo a prime).
        let weight: [Float] = (0..<fin).map { i in
            let step: Int = (i &* 7919 &+ 13) % 1009
            return Float(step) / 504.5 - 1
        }
        let scalars: [Float] = (0..<rows * fin).map { i in
            let step: Int = (i &* 104_729 &+ 7) % 2003
            return Float(step) / 500.75 - 2
        }
        // Both kernels: the Swift one (whose whole-vector tail load reads into the next row) and, where the CPU has
        // AVX-512F, the C one (a masked load).
        let widths: [SequentialGEMM.Lanes] = SequentialGEMM.widestLanes == .sixteen ? [.eight, .sixteen] : [.eight]
        for lanes in widths {
            func forward(_ x: [Float], rows: Int) -> [Float] {
                var y = [Float](repeating: 7, count: rows)
                let done = OneOutputProducts.forward(x: x, rows: rows, inFeatures: fin, outFeatures: 1, weight: weight,
                                                     bias: [0.25], relu: false, y: &y, lanes: lanes)
                #expect(done)
                return y
            }
            var x = scalars
            let before = forward(x, rows: rows)
            for r in stride(from: 1, to: rows, by: 2) {
                for c in 0..<fin { x[r * fin + c] = c % 2 == 0 ? .infinity : .nan }
            }
            let after = forward(x, rows: rows)
            for r in stride(from: 0, to: rows, by: 2) {
                #expect(before[r].bitPattern == after[r].bitPattern, "row \(r) of \(rows) × \(fin), \(lanes)")
                let alone = Array(x[r * fin ..< (r + 1) * fin])
                let four = forward(alone + alone + alone + alone, rows: 4)
                #expect(four.allSatisfy { $0.bitPattern == before[r].bitPattern }, "row \(r) copied to the end, \(lanes)")
            }
        }
    }

    /// The C kernel (AVX-512F) gives the Swift path's bits: widths with no whole vector, whole vectors only, and
    /// both with every tail length; ReLU on and off; NaN, ±0 and infinities among the inputs; rows in fours (halved
    /// together) and the 1 … 3 after them (halved one at a time).
    @Test("forward on sixteen lanes in C gives the Swift path's bits",
          .enabled(if: SequentialGEMM.widestLanes == .sixteen, "this CPU has no AVX-512F"),
          arguments: [1, 2, 15, 16, 17, 31, 32, 33, 64, 100, 128])
    func wideForwardGivesTheSwiftBits(fin: Int) throws {
        for rows in [12, 1, 7] { try wideForwardGivesTheSwiftBits(fin: fin, rows: rows) }
    }

    func wideForwardGivesTheSwiftBits(fin: Int, rows: Int) throws {
        let x = AdamWideTests.values(rows * fin, seed: 21, scale: 2), w = AdamWideTests.values(fin, seed: 22, scale: 1)
        let bias: [Float] = [0.125]
        for relu in [false, true] {
            let results = [SequentialGEMM.Lanes.eight, .sixteen].map { lanes in
                var y = [Float](repeating: 7, count: rows)
                let done = OneOutputProducts.forward(x: x, rows: rows, inFeatures: fin, outFeatures: 1, weight: w, bias: bias,
                                                     relu: relu, y: &y, lanes: lanes)
                return done ? bits(y) : []
            }
            #expect(!results[0].isEmpty && results[0] == results[1], "\(rows) × \(fin), relu \(relu)")
        }
    }

    @Test("weight gradient bitwise torch: in 1 … 100 on 2 to 64 rows, the columns past a multiple of 16 included")
    func weightGradient() throws {
        for c in try Self.cases("weight_grad") {
            let (rows, fin) = (try c.int("rows"), try c.int("in"))
            let layer = Linear(validatedIn: fin, out: 1, weight: [Float](repeating: 0, count: fin), bias: [0])
            let x = Tensor(validatedRows: rows, cols: fin, scalars: try c.packedFloats("x"))
            let g = Tensor(validatedRows: rows, cols: 1, scalars: try c.packedFloats("grad_output"))
            let (_, dW, _) = try layer.backward(input: x, outputGradient: g)
            #expect(bits(dW) == bits(try c.packedFloats("grad_weight")), "weight gradient \(rows) × \(fin) → 1")
        }
    }

    /// The model of `sizes` from torch's flat initial parameters (weight, bias of each layer in order).
    static func model(_ sizes: [Int], _ flat: [Float]) throws -> MLP {
        var tensors: [[Float]] = [], offset = 0
        for (fin, fout) in zip(sizes, sizes.dropFirst()) {
            for count in [fin * fout, fout] {
                tensors.append(Array(flat[offset..<(offset + count)]))
                offset += count
            }
        }
        return try MLP(sizes: sizes, parameters: tensors)
    }

    /// One epoch over `order`'s next `rows` indices in batches of 64 (the last one shorter).
    static func epoch(_ model: inout MLP, _ optimizer: inout some Optimizer, x: [Float], y: [Float], width: Int,
                      order: ArraySlice<Int>, loss: Loss) throws {
        var start = order.startIndex
        while start < order.endIndex {
            let batch = order[start..<min(start + 64, order.endIndex)]
            let xb = batch.flatMap { x[($0 * width)..<($0 * width + width)] }, yb = batch.map { y[$0] }
            _ = xb.withUnsafeBufferPointer { xp in
                yb.withUnsafeBufferPointer { yp in
                    model.trainStep(x: xp.baseAddress!, y: yp.baseAddress!, rows: batch.count, loss: loss)
                }
            }
            try optimizer.step(parameters: &model.parameters, gradients: model.gradients)
            start += batch.count
        }
    }

    @Test("sgd-variants 'SGD (lr=0.01)' and 'SGD (lr=0.1)': 3 epochs bitwise torch, parameters and full-train loss", arguments: [0, 1])
    func regression(run index: Int) throws {
        let data = try Fixture.load("layers_one_output.json").object("regression")
        let x = try data.packedFloats("x"), y = try data.packedFloats("y")
        let label = ["SGD (lr=0.01)", "SGD (lr=0.1)"][index]
        let run = try data.object("runs").object(label)
        var model = try Self.model([4, 64, 32, 1], try run.packedFloats("init"))
        let order = try run.packedInts("order")
        guard let epochs = run["epochs"] as? [[String: Any]], epochs.count == 3 else {
            throw Fixture.Missing(description: "layers_one_output.json: 3 epochs expected in \(label)")
        }
        var sgd = try SGD(lr: index == 0 ? 0.01 : 0.1)
        let n = y.count
        for (e, expected) in epochs.enumerated() {
            let rows = order[(e * n)..<((e + 1) * n)]
            try Self.epoch(&model, &sgd, x: x, y: y, width: 4, order: rows, loss: .mse)
            #expect(bits(model.parameters) == bits(try expected.packedFloats("parameters")), "\(label): parameters after epoch \(e + 1)")
            let prediction = try model.forward(Tensor(validatedRows: n, cols: 4, scalars: x))
            let loss = prediction.scalars.withUnsafeBufferPointer { p in
                y.withUnsafeBufferPointer { MSELoss.value(x: p.baseAddress!, y: $0.baseAddress!, count: n) }
            }
            #expect(loss.bitPattern == Float(try expected.double("train_loss")).bitPattern, "\(label): train loss after epoch \(e + 1)")
        }
    }

    @Test("classification, SGD + momentum: 2 epochs (batches of 64, the last 8 rows) bitwise torch, validation logits included")
    func classification() throws {
        let data = try Fixture.load("layers_one_output.json").object("classification")
        let x = try data.packedFloats("x"), y = try data.packedFloats("y"), xv = try data.packedFloats("x_val")
        var model = try Self.model([20, 128, 64, 1], try data.packedFloats("init"))
        let order = try data.packedInts("order")
        guard let epochs = data["epochs"] as? [[String: Any]], epochs.count == 2 else {
            throw Fixture.Missing(description: "layers_one_output.json: 2 classification epochs expected")
        }
        var sgd = try SGD(lr: 0.01, momentum: 0.9, weightDecay: 1e-4)
        let n = y.count
        for (e, expected) in epochs.enumerated() {
            try Self.epoch(&model, &sgd, x: x, y: y, width: 20, order: order[(e * n)..<((e + 1) * n)], loss: .bceWithLogits)
            #expect(bits(model.parameters) == bits(try expected.packedFloats("parameters")), "parameters after epoch \(e + 1)")
            let logits = try model.forward(Tensor(validatedRows: xv.count / 20, cols: 20, scalars: xv))
            #expect(bits(logits.scalars) == bits(try expected.packedFloats("val_logits")), "validation logits after epoch \(e + 1)")
        }
    }
}
