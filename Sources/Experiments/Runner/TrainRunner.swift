import NumericCore

/// Runs one training run of a `train` block the way the lesson's PyTorch loop does: seed the torch
/// generator, build the model from it, draw each epoch's DataLoader order from the same generator,
/// then zero_grad / forward / loss / backward / step per batch, and the requested metrics per epoch.
struct TrainRunner {
    let spec: TrainSpec
    let data: PreparedData

    func run(_ run: TrainRun) throws(RunError) -> RunResult {
        let metrics = Set(spec.metrics)
        var generator = TorchGenerator(seed: UInt64(spec.model.seed))
        let model: MLP
        let batches: ShuffledBatches
        var optimizer: any Optimizer
        var schedule = Schedule.none
        do {
            let layers = try generator.mlpInit(layerSizes: spec.model.layers)
            model = try MLP(sizes: spec.model.layers, parameters: layers.flatMap { [$0.weight, $0.bias] })
            batches = try ShuffledBatches(count: data.trainCount, batchSize: spec.training.batchSize,
                                          shuffle: spec.training.shuffle)
            optimizer = try CoreFactory.optimizer(run.optimizer)
            if let scheduler = run.scheduler {
                if case .reduceLROnPlateau(let o) = scheduler.kind {
                    schedule = .plateau(try CoreFactory.plateau(o, baseLR: run.optimizer.lr),
                                        metric: o.monitor == .trainLoss ? .trainLoss : .testLoss)
                } else if let core = try CoreFactory.scheduler(scheduler, baseLR: run.optimizer.lr,
                                                               lambdaVariables: { [spec] in spec.lambdaVariables(step: $0) }) {
                    schedule = scheduler.interval == .step ? .perBatch(core) : .perEpoch(core)
                }
            }
        } catch {
            throw RunError("run '\(run.label)': \(error)")
        }

        let loss: Loss = spec.loss == .mse ? .mse : .bceWithLogits
        var trainer = Trainer(model: model, optimizer: optimizer, loss: loss, schedule: schedule,
                              batchSize: spec.training.batchSize)
        var plateauNeedsTest = false
        if case .plateau(_, .testLoss) = schedule { plateauNeedsTest = true }
        let evaluation = Trainer.Evaluation(
            trainLoss: metrics.contains(.trainLoss),
            testLoss: metrics.contains(.testLoss) || plateauNeedsTest,
            testPredictions: metrics.contains(.testMAE) || metrics.contains(.accuracy))

        // Every metric has a series, empty when the run diverges in its first epoch.
        var series = Dictionary(uniqueKeysWithValues: metrics.map { ($0.rawValue, [[Double]]()) })
        var problem: String?
        let result: TrainingResult
        do {
            result = try trainer.fit(
                trainX: data.trainX, trainY: data.trainY, test: (data.testX, data.testY),
                epochs: spec.training.epochs, evaluation: evaluation,
                order: { _ in batches.epochOrder(using: &generator) },
                onEpoch: { record, model in
                    var values: [Metric: Double] = [:]
                    if metrics.contains(.trainLoss) { values[.trainLoss] = record.trainLoss.map(Double.init) ?? .nan }
                    if metrics.contains(.testLoss) { values[.testLoss] = record.testLoss.map(Double.init) ?? .nan }
                    if metrics.contains(.lr) { values[.lr] = record.lr }
                    if let predictions = record.testPredictions?.scalars {
                        do {
                            if metrics.contains(.testMAE) {
                                values[.testMAE] = try meanAbsoluteError(
                                    yTrue: data.testTargets, normalizedPredictions: predictions,
                                    targetMean: data.targetMean, targetStd: data.targetStd)
                            }
                            if metrics.contains(.accuracy) {
                                values[.accuracy] = Double(try binaryAccuracy(logits: predictions, labels: data.testLabels))
                            }
                        } catch {
                            problem = "\(error)"
                        }
                    }
                    if metrics.contains(.weightNorm) {
                        values[.weightNorm] = parameterNormSum((0..<model.parameterRanges.count).map(model.parameter))
                    }
                    for (metric, value) in values { series[metric.rawValue, default: []].append([value]) }
                })
        } catch {
            throw RunError("run '\(run.label)': \(error)")
        }
        if let problem { throw RunError("run '\(run.label)': \(problem)") }
        let divergence = result.divergence.map { Divergence(epoch: $0.epoch, step: $0.step) }
        return RunResult(label: run.label, series: series, divergence: divergence)
    }
}
