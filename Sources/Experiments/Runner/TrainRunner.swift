import NumericCore

/// Runs one training run of a `train` block the way the lesson's PyTorch loop does: seed the torch
/// generator, build the model from it, draw each epoch's DataLoader order from the same generator (after
/// whatever dropout drew in the epoch before), then zero_grad / forward / loss / backward / step per batch in
/// training mode, and the requested metrics per epoch (in eval mode unless the block or the run says otherwise).
/// A run with its own model, batch size or evaluation (`RunOverrides`) uses them instead of the block's.
struct TrainRunner {
    let spec: TrainSpec
    let data: PreparedData

    func run(_ run: TrainRun) throws(RunError) -> RunResult {
        let metrics = Set(spec.metrics)
        var model: MLP
        let batches: ShuffledBatches
        var optimizer: any Optimizer
        var schedule = Schedule.none
        do {
            model = try Self.model(spec.model(for: run), threads: spec.training.threads)
            batches = try ShuffledBatches(count: data.trainCount, batchSize: spec.batchSize(for: run),
                                          shuffle: spec.training.shuffle)
            optimizer = try CoreFactory.optimizer(run.optimizer)
            if let scheduler = run.scheduler {
                if case .reduceLROnPlateau(let o) = scheduler.kind {
                    schedule = .plateau(try CoreFactory.plateau(o, baseLR: run.optimizer.lr),
                                        metric: Self.plateauMetric(o.monitor))
                } else if let core = try CoreFactory.scheduler(scheduler, baseLR: run.optimizer.lr,
                                                               lambdaVariables: { [spec] in spec.lambdaVariables(step: $0) }) {
                    schedule = scheduler.interval == .step ? .perBatch(core) : .perEpoch(core)
                }
            }
        } catch {
            throw RunError("run '\(run.label)': \(error)")
        }

        let loss: Loss
        switch spec.loss {
        case .mse: loss = .mse
        case .bceWithLogits: loss = .bceWithLogits
        case .crossEntropy: loss = .crossEntropy
        }
        var trainer = Trainer(model: model, optimizer: optimizer, loss: loss, schedule: schedule,
                              batchSize: spec.batchSize(for: run))
        var plateauNeedsTest = false
        if case .plateau(_, .testLoss) = schedule { plateauNeedsTest = true }
        var evaluation = Trainer.Evaluation(
            trainLoss: metrics.contains(.trainLoss),
            testLoss: metrics.contains(.testLoss) || plateauNeedsTest,
            trainPredictions: metrics.contains(.trainAccuracy),
            testPredictions: metrics.contains(.testMAE) || metrics.contains(.accuracy) || metrics.contains(.testAccuracy),
            mode: spec.evaluation(for: run).mode == .train ? .train : .eval,
            batchSize: spec.evaluation(for: run).batchSize)
        evaluation.validationLoss = metrics.contains(.valLoss)
        evaluation.validationPredictions = metrics.contains(.valAccuracy)

        // Every metric has a series, empty when the run diverges in its first epoch.
        var series = Dictionary(uniqueKeysWithValues: metrics.map { ($0.rawValue, [[Double]]()) })
        var problem: String?
        let result: TrainingResult
        do {
            result = try trainer.fit(
                trainX: data.trainX, trainY: data.trainY, test: (data.testX, data.testY),
                validation: data.validation.map { (x: $0.x, y: $0.y) },
                epochs: spec.training.epochs, evaluation: evaluation, loader: batches,
                onEpoch: { record, model in
                    var values: [Metric: Double] = [:]
                    if metrics.contains(.trainLoss) { values[.trainLoss] = record.trainLoss.map(Double.init) ?? .nan }
                    if metrics.contains(.testLoss) { values[.testLoss] = record.testLoss.map(Double.init) ?? .nan }
                    if metrics.contains(.valLoss) { values[.valLoss] = record.validationLoss.map(Double.init) ?? .nan }
                    if metrics.contains(.lr) { values[.lr] = record.lr }
                    do {
                        let classes = model.outputWidth
                        if let predictions = record.testPredictions?.scalars {
                            if metrics.contains(.testMAE) {
                                values[.testMAE] = try meanAbsoluteError(
                                    yTrue: data.testTargets, normalizedPredictions: predictions,
                                    targetMean: data.targetMean, targetStd: data.targetStd)
                            }
                            for metric in [Metric.accuracy, .testAccuracy] where metrics.contains(metric) {
                                values[metric] = Double(try accuracy(logits: predictions, classes: classes,
                                                                     labels: data.testLabels))
                            }
                        }
                        if let predictions = record.trainPredictions?.scalars, metrics.contains(.trainAccuracy) {
                            values[.trainAccuracy] = Double(try accuracy(logits: predictions, classes: classes,
                                                                         labels: data.trainLabels))
                        }
                        if let predictions = record.validationPredictions?.scalars, let labels = data.validation?.labels,
                           metrics.contains(.valAccuracy) {
                            values[.valAccuracy] = Double(try accuracy(logits: predictions, classes: classes, labels: labels))
                        }
                    } catch {
                        problem = "\(error)"
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

    /// The loss a `ReduceLROnPlateau` run is fed, by its `monitor` (the parser allows only these three).
    static func plateauMetric(_ monitor: Metric) -> Schedule.PlateauMetric {
        switch monitor {
        case .trainLoss: .trainLoss
        case .valLoss: .validationLoss
        default: .testLoss
        }
    }

    /// The model right after `torch.manual_seed(seed)`: Linear layers draw their initial weights in order
    /// (batch norm and dropout draw nothing), and the generator goes on to the DataLoader and dropout.
    static func model(_ spec: ModelSpec, threads: Int) throws -> MLP {
        var generator = TorchGenerator(seed: UInt64(spec.seed))
        var model: MLP
        if let stack = spec.stack {
            var tensors: [[Float]] = []
            var layers: [Layer] = []
            var width = spec.layers[0]
            for layer in stack {
                switch layer {
                case .linear(let out):
                    let (w, b) = try generator.linearInit(inFeatures: width, outFeatures: out)
                    tensors += [w, b]
                    layers.append(.linear(outFeatures: out))
                    width = out
                case .relu:
                    layers.append(.relu)
                case let .batchNorm(eps, momentum, affine):
                    if affine { tensors += [[Float](repeating: 1, count: width), [Float](repeating: 0, count: width)] }
                    layers.append(.batchNorm(eps: eps, momentum: momentum, affine: affine))
                case .dropout(let p):
                    layers.append(.dropout(p: p))
                case .activation(let a):
                    layers.append(.activation(a.layer))
                }
            }
            model = try MLP(inputFeatures: spec.layers[0], layers: layers, parameters: tensors, threads: threads)
        } else {
            let layers = try generator.mlpInit(layerSizes: spec.layers)
            let parameters = layers.flatMap { [$0.weight, $0.bias] }
            if let hidden = spec.activation.layer {
                let stack = Layer.perceptron(spec.layers).map { $0 == .relu ? Layer.activation(hidden) : $0 }
                model = try MLP(inputFeatures: spec.layers[0], layers: stack, parameters: parameters, threads: threads)
            } else {
                model = try MLP(sizes: spec.layers, parameters: parameters)
            }
        }
        model.generator = generator
        return model
    }
}
