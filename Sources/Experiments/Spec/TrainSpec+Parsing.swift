import Yams

extension TrainSpec {
    static let keys = ["data", "model", "loss", "training", "runs", "metrics", "constants", "seeds"]
    static let limits = (epochs: 100_000, runs: 50, budget: 2e11, threads: 64)

    static func parse(_ f: Fields, _ reader: SpecReader) -> TrainSpec? {
        let data = f.required("data").flatMap { DataSpec.parse($0, reader) }
        let model = f.required("model").flatMap { ModelSpec.parse($0, reader) }
        let parsedLoss = f.required("loss", " (mse, bce-with-logits, cross-entropy, l1, huber or smooth-l1)")
            .flatMap { LossOptions.parse($0, reader) }
        let loss = parsedLoss?.0
        let training = f.required("training").flatMap { parseTraining($0, reader) }
        let constants = f["constants"].map { Constants.parse($0, reader) } ?? [:]
        guard let data, var model, let loss, let training else { return nil }
        if model.stack != nil { model.layers[0] = data.dataset.featureCount }
        checkTask(data, loss, f, reader)
        checkShapes(data, model, loss, f["model"]?.mapping?["layers"], reader)
        checkBatchNorm(data, model, training.batchSize, f["training"]?.mapping?["batch_size"] ?? f["training"], reader)
        checkTrainModeEvaluation(data, model, training, f, reader)

        let applicable = Metric.applicable(to: loss)
        let hasValidation = data.split.validationSize != nil
        var metrics = Metric.defaults(for: loss, validation: hasValidation)
        var layerMetrics: [LayerMetric] = []
        if let node = f["metrics"], let items = reader.list(node, "metrics") {
            metrics = []
            for item in items {
                if let name = item.scalar?.string, let metric = LayerMetric(name: name) {
                    let linears = model.layers.count - 1
                    if metric.layer > linears {
                        reader.error(item, "metric '\(name)' names Linear layer \(metric.layer), but the model has \(linears)")
                    } else if layerMetrics.contains(metric) {
                        reader.error(item, "metric '\(name)' is listed twice")
                    } else {
                        layerMetrics.append(metric)
                    }
                    continue
                }
                guard let metric: Metric = reader.choice(item, "metric") else {
                    // Which metric was meant is unknown: references to any of them are not reported again.
                    reader.forgive(Metric.allCases.map(\.rawValue))
                    continue
                }
                if !applicable.contains(metric) {
                    reader.forgive([metric.rawValue])
                    reader.error(item, "metric '\(metric.rawValue)' does not apply to loss \(loss.rawValue)"
                        + (metric == .testMAE ? " (test_mae needs a regression loss: mse, l1, huber or smooth-l1)"
                                              : " (accuracies need bce-with-logits or cross-entropy)"))
                } else if metric.needsValidation, !hasValidation {
                    reader.forgive([metric.rawValue])
                    reader.error(item, Self.noValidationPart(metric))
                } else if metrics.contains(metric) {
                    reader.error(item, "metric '\(metric.rawValue)' is listed twice")
                } else {
                    metrics.append(metric)
                }
            }
        }

        var spec = TrainSpec(data: data, model: model, loss: loss, training: training, runs: [], metrics: metrics,
                             layerMetrics: layerMetrics, constants: constants, seeds: parseSeeds(f, reader))
        spec.lossOptions = parsedLoss?.1 ?? LossOptions()
        guard let runsNode = f.required("runs"), let items = reader.list(runsNode, "runs") else { return nil }
        if items.isEmpty { reader.error(runsNode, "'runs' needs at least one run") }
        if items.count > limits.runs { reader.error(runsNode, "at most \(limits.runs) runs per block, got \(items.count)") }
        for (i, item) in items.enumerated() {
            let context = "runs[\(i + 1)]"
            guard let r = Fields(item, context, allowed: ["label", "optimizer", "scheduler", "diverges"] + RunOverrides.keys,
                                 reader: reader) else { continue }
            let label = Labels.parse(r, context, existing: spec.runs.map(\.label), reader)
            let optimizer = r.required("optimizer").flatMap { OptimizerSpec.parse($0, "\(context).optimizer", reader) }
            let overrides = RunOverrides.parse(r, spec, reader)
            let steps = (data.trainCount + (overrides?.batchSize ?? training.batchSize) - 1) / (overrides?.batchSize ?? training.batchSize)
            let env = SchedulerSpec.Context(epochs: training.epochs, stepsPerEpoch: steps,
                                            monitorable: applicable.filter { $0 == .testLoss || $0 == .trainLoss
                                                || ($0 == .valLoss && hasValidation) },
                                            constants: constants.keys.sorted())
            let scheduler = r["scheduler"].flatMap { SchedulerSpec.parse($0, "\(context).scheduler", reader, env) }
            let diverges = r.bool("diverges") ?? false
            // A run whose options are wrong is still a known run: checks naming it say nothing more.
            guard let label, let optimizer, let overrides, !(r.has("scheduler") && scheduler == nil) else {
                if let label { reader.forgive([label]) }
                continue
            }
            let lrNode = r["optimizer"]?.mapping?["lr"] ?? item
            spec.runs.append(TrainRun(label: label, optimizer: optimizer, scheduler: scheduler,
                                      expectsDivergence: diverges, overrides: overrides, location: reader.location(of: lrNode)))
        }
        // Out-of-range sizes were reported already; the budget is judged on valid ones.
        if reader.diagnostics.isEmpty { checkBudget(spec, runsNode, reader) }
        if reader.diagnostics.isEmpty { checkMemory(spec, f, reader) }
        return spec
    }

    /// Why a validation metric cannot be recorded (or monitored) in a block whose split has no validation part.
    static func noValidationPart(_ metric: Metric) -> String {
        "'\(metric.rawValue)' needs a validation part: add validation_size to data.split "
            + "(e.g. split: {test_size: 0.2, validation_size: 0.2, random_state: 42})"
    }

    private static func parseTraining(_ node: Node, _ reader: SpecReader) -> TrainingSpec? {
        guard let f = Fields(node, "training", allowed: ["epochs", "batch_size", "shuffle", "threads",
                                                         "evaluation_mode", "clip_grad"], reader: reader)
        else { return nil }
        let epochs = f.requiredInt("epochs", "must be from 1 to \(limits.epochs)") { (1...limits.epochs).contains($0) }
        let batch = f.requiredInt("batch_size", Rule.atLeastOne) { $0 >= 1 }
        let threads = f.int("threads", default: 1, "must be from 1 to \(limits.threads)") { (1...limits.threads).contains($0) }
        let mode: EvaluationMode = f.choice("evaluation_mode", "evaluation mode") ?? .eval
        let clipping = f["clip_grad"].map { GradientClippingSpec.parse($0, reader) }
        guard let epochs, let batch, clipping != .some(nil) else { return nil }
        return TrainingSpec(epochs: epochs, batchSize: batch, shuffle: f.bool("shuffle") ?? true,
                            threads: threads, evaluationMode: mode, clipGrad: clipping ?? nil)
    }

    /// The loss must fit the dataset, and the split must leave rows on both sides.
    private static func checkTask(_ data: DataSpec, _ loss: LossFunction, _ f: Fields, _ reader: SpecReader) {
        let name = data.dataset.name.rawValue
        let classes = data.dataset.classCount
        if loss == .bceWithLogits, let classes, classes != 2 {
            reader.error(f["loss"], "bce-with-logits needs two classes, but \(name) has \(classes); use cross-entropy")
        }
        if classes == nil, !loss.isRegression {
            reader.error(f["loss"], "\(loss.rawValue) needs class labels; \(name) is a regression dataset (use mse)")
        }
        let validSplit = data.split.testSize > 0 && data.split.testSize < 1
        if validSplit, data.trainCount < 1 || data.trainCount + data.validationCount == data.dataset.sampleCount {
            reader.error(f["data"], "the split leaves \(data.trainCount) training rows of \(data.dataset.sampleCount)")
        }
    }

    /// The first layer must take the dataset's features; the last must give the outputs the loss uses (one, or one
    /// per class for cross-entropy). Reported at `layersNode`, the block's or a run's `layers`.
    static func checkShapes(_ data: DataSpec, _ model: ModelSpec, _ loss: LossFunction, _ layersNode: Node?,
                            _ reader: SpecReader) {
        let name = data.dataset.name.rawValue
        let classes = data.dataset.classCount
        if model.stack == nil, let first = model.layers.first, first != data.dataset.featureCount {
            reader.error(layersNode, "the first layer takes \(first) inputs but \(name) has \(data.dataset.featureCount) features")
        }
        let outputs = loss == .crossEntropy ? classes : 1
        if model.layers.count >= 2, let outputs, let last = model.layers.last, last != outputs {
            reader.error(layersNode, "the last layer must have \(outputs) output\(outputs == 1 ? "" : "s") for \(loss.rawValue)"
                + (loss == .crossEntropy ? " (one per class)" : "") + ", got \(last)")
        }
        if let stack = model.stack, let last = stack.last, last != .linear(model.layers.last ?? 0) {
            reader.error(layersNode, "the last layer must be a {linear: width} layer: its outputs are the \(loss.isRegression ? "predictions" : "logits")")
        }
    }

    /// torch refuses a training batch of one row in batch norm: the last, shorter batch must not be one row.
    /// Reported at `node`, the block's or a run's `batch_size`.
    static func checkBatchNorm(_ data: DataSpec, _ model: ModelSpec, _ batchSize: Int, _ node: Node?,
                               _ reader: SpecReader) {
        guard model.hasBatchNorm else { return }
        let n = data.trainCount, b = batchSize
        if leavesSingleRow(n, inBatchesOf: b) {
            reader.error(node, "with batchnorm no training batch may hold a single row, but \(n) training rows in batches of "
                         + "\(b) leave one; choose another batch_size")
        }
    }

    /// Whether `n` rows in batches of `b` (the last one shorter) leave a batch of a single row, which torch's batch
    /// norm refuses in train mode ("Expected more than 1 value per channel when training").
    static func leavesSingleRow(_ n: Int, inBatchesOf b: Int) -> Bool { b == 1 || n % b == 1 }

    /// Evaluating in train mode runs batch norm over the whole test set as one batch: one row has no variance
    /// (torch raises "Expected more than 1 value per channel when training").
    private static func checkTrainModeEvaluation(_ data: DataSpec, _ model: ModelSpec, _ training: TrainingSpec, _ f: Fields,
                                                 _ reader: SpecReader) {
        guard model.hasBatchNorm else { return }
        guard training.evaluationMode == .train else { return }
        for (part, count) in [("test", data.testCount), ("validation", data.validationCount)]
        where count > 0 && leavesSingleRow(count, inBatchesOf: count) {
            reader.error(f["training"]?.mapping?["evaluation_mode"] ?? f["training"],
                         "evaluation_mode: train runs batchnorm on the \(part) set as one batch, but the split leaves a "
                         + "single \(part) row (torch refuses it); use a larger \(part == "test" ? "test_size" : "validation_size") "
                         + "or evaluation_mode: eval")
            return
        }
    }

    /// Refuses specs beyond `limits.budget` parameter-sample visits (the sum over runs of seeds × epochs × samples ×
    /// parameters).
    private static func checkBudget(_ spec: TrainSpec, _ node: Node, _ reader: SpecReader) {
        let cost = spec.computeCost
        guard cost > limits.budget else { return }
        let format = NumberFormat(style: .exponent, precision: 1)
        reader.error(at: reader.origin, "this experiment is too large to run at build time: runs × epochs × samples × "
            + "parameters = \(format.format(cost)), over the budget of \(format.format(limits.budget)); "
            + "reduce epochs, samples, layer widths or runs")
    }

    /// Parameter-sample visits: the sum over runs (each with its own model) of seeds × epochs × samples ×
    /// parameters (the compute budget's measure).
    var computeCost: Double {
        let perRun = runs.isEmpty ? [model.parameterCount] : runs.map { model(for: $0).parameterCount }
        return perRun.reduce(0.0) { $0 + Double($1) } * Double(seeds?.count ?? 1) * Double(training.epochs)
            * Double(data.dataset.sampleCount)
    }

    /// The training settings; `threads` and `evaluation_mode` only when they differ from their defaults, so
    /// the blocks written before them keep their cache keys.
    private var trainingCanonical: [String: Canonical] {
        var fields: [String: Canonical] = ["epochs": .int(training.epochs), "batch_size": .int(training.batchSize),
                                           "shuffle": .bool(training.shuffle)]
        if training.threads != 1 { fields["threads"] = .int(training.threads) }
        if training.evaluationMode != .eval { fields["evaluation_mode"] = .string(training.evaluationMode.rawValue) }
        if let clip = training.clipGrad { fields["clip_grad"] = clip.canonical }
        return fields
    }

    var canonical: Canonical {
        var fields: [String: Canonical] = [
            "data": data.canonical, "model": model.canonical, "loss": .string(loss.rawValue),
            "training": .object(trainingCanonical),
            "runs": .array(runs.map { run in
                let fields: [String: Canonical] = ["label": .string(run.label), "optimizer": run.optimizer.canonical,
                                                   "scheduler": run.scheduler?.canonical ?? .null]
                return .object(fields.merging(run.overrides.canonical) { a, _ in a })
            }),
            "metrics": .array(metrics.map { .string($0.rawValue) }),
            "constants": .object(constants.mapValues { .number($0) }),
        ]
        let options = lossOptions.canonical(for: loss)
        if !options.isEmpty { fields["loss_options"] = .object(options) }
        // Only when given, so a block without seeds (or per-layer metrics) keeps its cache key.
        if !layerMetrics.isEmpty { fields["layer_metrics"] = .array(layerMetrics.map { .string($0.name) }) }
        if let seeds { fields["seeds"] = .array(seeds.map { .int($0) }) }
        return .object(fields)
    }
}
