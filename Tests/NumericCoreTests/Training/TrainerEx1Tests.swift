import Foundation
import Testing
@testable import NumericCore

/// End to end: the lesson's ex1 'SGD (lr=0.01)' against real torch — same tensors, init and DataLoader
/// order (Fixtures/train_ex1.json) — within 1e−6 relative (SPEC §6: epoch-10 figures ≤ 1.0e−7 for any order).
@Suite struct TrainerEx1Tests {
    struct Ex1 {
        let model: MLP
        let x: Tensor, y: Tensor, testX: Tensor, testY: Tensor
        let orders: [[Int]]
        let stepLosses: [Double], epochLosses: [Double], testPredictions: [Float]
    }

    static func load() throws -> Ex1 {
        let f = try Fixture.load("train_ex1.json")
        guard let initList = f["init"] as? [Any] else { throw Fixture.Missing(description: "init") }
        let sizes = try f.ints("sizes")
        let model = try MLP(sizes: sizes, parameters: (0..<initList.count).map { try packedFloats(in: initList, at: $0) })
        let flatOrders = try f.packedInts("orders"), n = 1600
        return Ex1(model: model,
                   x: try Tensor(rows: n, cols: 4, scalars: f.packedFloats("X_tr_t")),
                   y: try Tensor(rows: n, cols: 1, scalars: f.packedFloats("y_tr_t")),
                   testX: try Tensor(rows: 400, cols: 4, scalars: f.packedFloats("X_te_t")),
                   testY: try Tensor(rows: 400, cols: 1, scalars: f.packedFloats("y_te_t")),
                   orders: stride(from: 0, to: flatOrders.count, by: n).map { Array(flatOrders[$0..<($0 + n)]) },
                   stepLosses: try f.packedDoubles("step_losses"), epochLosses: try f.packedDoubles("epoch_losses"),
                   testPredictions: try f.packedFloats("test_pred_epoch_10"))
    }

    static func relative(_ a: Float, _ b: Double) -> Double { abs(Double(a) - b) / abs(b) }

    @Test func firstThirtyStepsAndTenEpochsMatchTorch() throws {
        let ex1 = try Self.load()
        var trainer = Trainer(model: ex1.model, optimizer: try SGD(lr: 0.01), loss: .mse)
        trainer.recordedStepLosses = 30
        let clock = ContinuousClock()
        var firstEpoch: Duration = .zero
        let start = clock.now
        let result = try trainer.fit(trainX: ex1.x, trainY: ex1.y, test: (ex1.testX, ex1.testY), epochs: 10,
                                     evaluation: .init(trainLoss: true, testPredictions: true),
                                     order: { ex1.orders[$0] },
                                     onEpoch: { r, _ in if r.epoch == 1 { firstEpoch = clock.now - start } })
        print("ex1 SGD: first epoch (25 steps + full-train loss) \(firstEpoch), 10 epochs \(clock.now - start)")
        #expect(result.completed)
        #expect(result.stepLosses.count == 30)
        for (i, (ours, torch)) in zip(result.stepLosses, ex1.stepLosses).enumerated() {
            #expect(Self.relative(ours, torch) <= 1e-6, "step \(i + 1): \(ours) vs \(torch)")
        }
        #expect(result.epochs.count == 10)
        for (r, torch) in zip(result.epochs, ex1.epochLosses) {
            let loss = try #require(r.trainLoss)
            #expect(Self.relative(loss, torch) <= 1e-6, "epoch \(r.epoch): \(loss) vs \(torch)")
            #expect(r.lr == 0.01)
        }
        let predictions = try #require(result.epochs.last?.testPredictions)
        for (ours, torch) in zip(predictions.scalars, ex1.testPredictions) {
            #expect(abs(ours - torch) <= 1e-5 * max(abs(torch), 1))
        }
    }

    @Test func theFirstStepLossIsTheInitialModelsLoss() throws {
        // Before any update, forward + MSE of batch 1 must equal torch's first loss.item() to float32 rounding.
        let ex1 = try Self.load()
        var trainer = Trainer(model: ex1.model, optimizer: try SGD(lr: 0.01), loss: .mse)
        trainer.recordedStepLosses = 1
        let result = try trainer.fit(trainX: ex1.x, trainY: ex1.y, epochs: 1, order: { ex1.orders[$0] })
        #expect(Self.relative(result.stepLosses[0], ex1.stepLosses[0]) <= 2e-7)
    }
}
