import Testing
@testable import NumericCore

/// Divergence, invalid batch orders and schedule wiring of the trainer.
@Suite struct TrainerBehaviourTests {
    /// A small regression problem: y = x0 − 2·x1 on a fixed grid.
    static func problem(rows: Int = 40) throws -> (MLP, Tensor, Tensor) {
        var x: [Float] = [], y: [Float] = []
        for r in 0..<rows {
            let a = Float(r % 7) / 3 - 1, b = Float(r % 5) / 2 - 1
            x += [a, b]
            y.append(a - 2 * b)
        }
        let model = try MLP(sizes: [2, 8, 1], parameters: [
            (0..<16).map { Float($0 % 5) / 5 - 0.4 }, (0..<8).map { Float($0) / 20 },
            (0..<8).map { Float($0 % 3) / 4 - 0.25 }, [0.1],
        ])
        return (model, try Tensor(rows: rows, cols: 2, scalars: x), Tensor(column: y))
    }

    @Test func aDivergingRunStopsAndReportsWhere() throws {
        let (model, x, y) = try Self.problem()
        var trainer = Trainer(model: model, optimizer: try SGD(lr: 1e4), loss: .mse, batchSize: 8)
        let result = try trainer.fit(trainX: x, trainY: y, epochs: 50, order: { _ in Array(0..<40) })
        let divergence = try #require(result.divergence)
        #expect(!result.completed)
        #expect(!divergence.loss.isFinite)
        #expect(result.epochs.count == divergence.epoch - 1)
        #expect(divergence.globalStep == (divergence.epoch - 1) * 5 + divergence.step)
    }

    @Test func anInvalidBatchOrderIsATypedError() throws {
        let (model, x, y) = try Self.problem()
        var trainer = Trainer(model: model, optimizer: try SGD(lr: 0.01), loss: .mse, batchSize: 8)
        #expect(throws: TrainingError.batchOrder(epoch: 0, reason: "index 3 appears twice")) {
            try trainer.fit(trainX: x, trainY: y, epochs: 1, order: { _ in [3] + Array(1..<40) })
        }
        #expect(throws: TrainingError.batchOrder(epoch: 0, reason: "it has 2 indices for 40 rows")) {
            try trainer.fit(trainX: x, trainY: y, epochs: 1, order: { _ in [0, 1] })
        }
    }

    @Test func plateauOnTheTestLossNeedsTestData() throws {
        let (model, x, y) = try Self.problem()
        var trainer = Trainer(model: model, optimizer: try AdamW(), loss: .mse,
                              schedule: .plateau(try ReduceLROnPlateau(baseLR: 1e-3), metric: .testLoss))
        #expect(throws: TrainingError.missingTestData("the requested test evaluation")) {
            try trainer.fit(trainX: x, trainY: y, epochs: 1, order: { _ in Array(0..<40) })
        }
    }

    @Test func perBatchScheduleDrivesLRAndBeta1AsTorchOrdersIt() throws {
        let (model, x, y) = try Self.problem()
        let epochs = 3, steps = 5
        var trainer = Trainer(model: model, optimizer: try AdamW(), loss: .mse,
                              schedule: .perBatch(try OneCycleLR(maxLR: 0.01, epochs: epochs, stepsPerEpoch: steps)),
                              batchSize: 8)
        // Construction applies step 0: lr = anneal at pct 0 (0.00039999999999999996, not 4e−4), beta1 0.95.
        #expect(trainer.optimizer.lr == (try OneCycleLR(maxLR: 0.01, totalSteps: 15)).lr)
        #expect(trainer.optimizer.scheduledMomentum == 0.95)
        let result = try trainer.fit(trainX: x, trainY: y, epochs: epochs, order: { _ in Array(0..<40) })
        var reference = try OneCycleLR(maxLR: 0.01, epochs: epochs, stepsPerEpoch: steps)
        var epochStart: [Double] = []
        for s in 0..<(epochs * steps) {
            if s % steps == 0 { epochStart.append(reference.lr) }
            try reference.step()
        }
        #expect(result.epochs.map(\.lr) == epochStart)
        #expect(trainer.optimizer.lr == reference.lr && trainer.optimizer.scheduledMomentum == reference.momentum)
    }

    @Test func plateauIsFedTheEpochsLossAfterTheEpoch() throws {
        let (model, x, y) = try Self.problem()
        // mode max on a falling loss: no "improvement", so the lr is cut every other epoch.
        let plateau = try ReduceLROnPlateau(baseLR: 0.05, mode: .max, factor: 0.5, patience: 1)
        var trainer = Trainer(model: model, optimizer: try SGD(lr: 0.05), loss: .mse,
                              schedule: .plateau(plateau, metric: .testLoss), batchSize: 40)
        let result = try trainer.fit(trainX: x, trainY: y, test: (x, y), epochs: 12, order: { _ in Array(0..<40) })
        var reference = plateau
        var expected: [Double] = []
        for r in result.epochs {
            expected.append(reference.lr)
            reference.step(metric: Double(try #require(r.testLoss)))
        }
        #expect(result.epochs.map(\.lr) == expected)
        #expect(Set(expected).count > 3)
        #expect(trainer.optimizer.lr == reference.lr)
    }

    @Test func perEpochScheduleStepsAfterEachEpoch() throws {
        let (model, x, y) = try Self.problem()
        var trainer = Trainer(model: model, optimizer: try SGD(lr: 0.1, momentum: 0.9), loss: .mse,
                              schedule: .perEpoch(try StepLR(baseLR: 0.1, stepSize: 2, gamma: 0.5)), batchSize: 16)
        let result = try trainer.fit(trainX: x, trainY: y, epochs: 5, evaluation: .init(trainLoss: true),
                                     order: { _ in Array(0..<40) })
        #expect(result.epochs.map(\.lr) == [0.1, 0.1, 0.05, 0.05, 0.025])
        #expect(result.epochs.allSatisfy { $0.trainLoss != nil && $0.testLoss == nil })
    }
}

/// Empty inputs are reported, not trapped on.
@Suite struct TrainerEmptyInputTests {
    @Test func emptyTrainingDataThrows() throws {
        let (model, _, _) = try TrainerBehaviourTests.problem()
        var trainer = Trainer(model: model, optimizer: try SGD(lr: 0.1), loss: .mse)
        #expect(throws: TrainingError.shape("train X has no rows")) {
            try trainer.fit(trainX: Tensor(rows: 0, cols: 2), trainY: Tensor(column: []), epochs: 1, order: { _ in [] })
        }
        var m = model
        #expect(try m.forward(Tensor(rows: 0, cols: 2)).rows == 0)
    }
}
