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
            throw RunError("run '\(run.label)': ", error)
        }

        var trainer = Trainer(model: model, optimizer: optimizer, loss: CoreFactory.loss(spec.loss, spec.lossOptions),
                              schedule: schedule, batchSize: spec.batchSize(for: run))
        trainer.gradientClipping = spec.training.clipGrad.map(CoreFactory.clipping)
        var plateauNeedsTest = false
        if case .plateau(_, .testLoss) = schedule { plateauNeedsTest = true }
        var evaluation = Trainer.Evaluation(
            trainLoss: metrics.contains(.trainLoss) || metrics.contains(.genGap),
            testLoss: metrics.contains(.testLoss) || metrics.contains(.genGap) || plateauNeedsTest,
            trainPredictions: metrics.contains(.trainAccuracy) || metrics.contains(.accuracyGap),
            testPredictions: metrics.contains(.testMAE) || metrics.contains(.accuracy) || metrics.contains(.testAccuracy)
                || metrics.contains(.accuracyGap),
            mode: spec.evaluation(for: run).mode == .train ? .train : .eval,
            batchSize: spec.evaluation(for: run).batchSize)
        evaluation.validationLoss = metrics.contains(.valLoss)
        evaluation.validationPredictions = metrics.contains(.valAccuracy)

        // Every metric has a series, empty when the run diverges in its first epoch.
        var series = Dictionary(uniqueKeysWithValues: spec.metricNames.map { ($0, [[Double]]()) })
        var problem: String?
        let result: TrainingResult
        do {
            result = try trainer.fit(
                trainX: data.trainX, trainY: data.trainY, test: (data.testX, data.testY),
                validation: data.validation.map { (x: $0.x, y: $0.y) },
                epochs: spec.training.epochs, evaluation: evaluation, loader: batches,
                onEpoch: { record, model in
                    var values: [Metric: Double] = [:]
                    var trainAccuracy: Double?, testAccuracy: Double?
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
                            if metrics.contains(.accuracy) || metrics.contains(.testAccuracy) || metrics.contains(.accuracyGap) {
                                testAccuracy = Double(try accuracy(logits: predictions, classes: classes, labels: data.testLabels))
                            }
                            for metric in [Metric.accuracy, .testAccuracy] where metrics.contains(metric) {
                                values[metric] = testAccuracy
                            }
                        }
                        if let predictions = record.trainPredictions?.scalars {
                            trainAccuracy = Double(try accuracy(logits: predictions, classes: classes, labels: data.trainLabels))
                            if metrics.contains(.trainAccuracy) { values[.trainAccuracy] = trainAccuracy }
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
                    if metrics.contains(.genGap), let test = record.testLoss, let train = record.trainLoss {
                        values[.genGap] = Double(test) - Double(train)
                    }
                    if metrics.contains(.accuracyGap), let train = trainAccuracy, let test = testAccuracy {
                        values[.accuracyGap] = train - test
                    }
                    if metrics.contains(.gradNorm) {
                        values[.gradNorm] = totalNorm((0..<model.parameterRanges.count).map(model.gradient))
                    }
                    for (metric, value) in values { series[metric.rawValue, default: []].append([value]) }
                    for metric in spec.layerMetrics {
                        let weight = model.linearWeightIndex(metric.layer - 1)
                        let tensor = metric.kind == .weightNorm ? model.parameter(weight) : model.gradient(weight)
                        series[metric.name, default: []].append([Double(parameterNorm(tensor))])
                    }
                })
        } catch {
            throw RunError("run '\(run.label)': ", error)
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
    /// (batch norm, layer norm and dropout draw nothing); then, with `init`, every Linear layer's weight (and
    /// bias) is drawn again in order, as `model.apply(init)` does; the generator goes on to the DataLoader and dropout.
    static func model(_ spec: ModelSpec, threads: Int) throws -> MLP {
        var generator = TorchGenerator(seed: UInt64(spec.seed))
        var tensors: [[Float]] = []
        var layers: [Layer] = []
        if let stack = spec.stack {
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
                case let .layerNorm(eps, affine):
                    if affine { tensors += [[Float](repeating: 1, count: width), [Float](repeating: 0, count: width)] }
                    layers.append(.layerNorm(eps: eps, affine: affine))
                case .dropout(let p):
                    layers.append(.dropout(p: p))
                case .activation(let a):
                    layers.append(.activation(a.layer))
                }
            }
        } else {
            tensors = try generator.mlpInit(layerSizes: spec.layers).flatMap { [$0.weight, $0.bias] }
            layers = Layer.perceptron(spec.layers)
            if let hidden = spec.activation.layer { layers = layers.map { $0 == .relu ? .activation(hidden) : $0 } }
        }
        if let initialisation = spec.initialisation {
            try reinitialise(&tensors, layers: layers, inputs: spec.layers[0], initialisation, using: &generator)
        }
        var model = try MLP(inputFeatures: spec.layers[0], layers: layers, parameters: tensors, threads: threads)
        model.generator = generator
        return model
    }

    /// `model.apply(init)`: for each Linear in order, its weight drawn by the `nn.init` function, then its bias zeroed.
    private static func reinitialise(_ tensors: inout [[Float]], layers: [Layer], inputs: Int, _ spec: InitSpec,
                                     using generator: inout TorchGenerator) throws {
        var tensor = 0, width = inputs
        for layer in layers {
            switch layer {
            case .linear(let out):
                if let weight = spec.weight { tensors[tensor] = try weight.values(out: out, in: width, using: &generator) }
                if spec.zeroBias { tensors[tensor + 1] = [Float](repeating: 0, count: out) }
                tensor += 2
                width = out
            case .batchNorm(_, _, let affine), .layerNorm(_, let affine):
                if affine { tensor += 2 }
            case .relu, .dropout, .activation:
                break
            }
        }
    }
}
