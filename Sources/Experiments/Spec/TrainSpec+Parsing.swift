import Yams

extension TrainSpec {
    static let keys = ["data", "model", "loss", "training", "runs", "metrics", "constants"]
    static let limits = (epochs: 100_000, runs: 50, budget: 2e11)

    static func parse(_ f: Fields, _ reader: SpecReader) -> TrainSpec? {
        let data = f.required("data").flatMap { DataSpec.parse($0, reader) }
        let model = f.required("model").flatMap { ModelSpec.parse($0, reader) }
        let loss: LossFunction? = f.required("loss", " (mse or bce-with-logits)").flatMap { reader.choice($0, "loss") }
        let training = f.required("training").flatMap { parseTraining($0, reader) }
        let constants = f["constants"].map { Constants.parse($0, reader) } ?? [:]
        guard let data, let model, let loss, let training else { return nil }
        checkShapes(data, model, loss, f, reader)

        let applicable = Metric.applicable(to: loss)
        var metrics = applicable
        if let node = f["metrics"], let items = reader.list(node, "metrics") {
            metrics = []
            for item in items {
                guard let metric: Metric = reader.choice(item, "metric") else {
                    // Which metric was meant is unknown: references to any of them are not reported again.
                    reader.forgive(Metric.allCases.map(\.rawValue))
                    continue
                }
                if !applicable.contains(metric) {
                    reader.forgive([metric.rawValue])
                    reader.error(item, "metric '\(metric.rawValue)' does not apply to loss \(loss.rawValue)"
                        + (metric == .accuracy ? " (accuracy needs bce-with-logits)" : " (test_mae needs mse)"))
                } else if metrics.contains(metric) {
                    reader.error(item, "metric '\(metric.rawValue)' is listed twice")
                } else {
                    metrics.append(metric)
                }
            }
        }

        var spec = TrainSpec(data: data, model: model, loss: loss, training: training, runs: [], metrics: metrics,
                             constants: constants)
        let env = SchedulerSpec.Context(epochs: training.epochs, stepsPerEpoch: spec.stepsPerEpoch,
                                        monitorable: applicable.filter { $0 == .testLoss || $0 == .trainLoss },
                                        constants: constants.keys.sorted())
        guard let runsNode = f.required("runs"), let items = reader.list(runsNode, "runs") else { return nil }
        if items.isEmpty { reader.error(runsNode, "'runs' needs at least one run") }
        if items.count > limits.runs { reader.error(runsNode, "at most \(limits.runs) runs per block, got \(items.count)") }
        for (i, item) in items.enumerated() {
            let context = "runs[\(i + 1)]"
            guard let r = Fields(item, context, allowed: ["label", "optimizer", "scheduler", "diverges"], reader: reader) else { continue }
            let label = Labels.parse(r, context, existing: spec.runs.map(\.label), reader)
            let optimizer = r.required("optimizer").flatMap { OptimizerSpec.parse($0, "\(context).optimizer", reader) }
            let scheduler = r["scheduler"].flatMap { SchedulerSpec.parse($0, "\(context).scheduler", reader, env) }
            let diverges = r.bool("diverges") ?? false
            // A run whose options are wrong is still a known run: checks naming it say nothing more.
            guard let label, let optimizer, !(r.has("scheduler") && scheduler == nil) else {
                if let label { reader.forgive([label]) }
                continue
            }
            let lrNode = r["optimizer"]?.mapping?["lr"] ?? item
            spec.runs.append(TrainRun(label: label, optimizer: optimizer, scheduler: scheduler,
                                      expectsDivergence: diverges, location: reader.location(of: lrNode)))
        }
        // Out-of-range sizes were reported already; the budget is judged on valid ones.
        if reader.diagnostics.isEmpty { checkBudget(spec, runsNode, reader) }
        if reader.diagnostics.isEmpty { checkMemory(spec, f, reader) }
        return spec
    }

    private static func parseTraining(_ node: Node, _ reader: SpecReader) -> TrainingSpec? {
        guard let f = Fields(node, "training", allowed: ["epochs", "batch_size", "shuffle"], reader: reader)
        else { return nil }
        let epochs = f.requiredInt("epochs", "must be from 1 to \(limits.epochs)") { (1...limits.epochs).contains($0) }
        let batch = f.requiredInt("batch_size", Rule.atLeastOne) { $0 >= 1 }
        guard let epochs, let batch else { return nil }
        return TrainingSpec(epochs: epochs, batchSize: batch, shuffle: f.bool("shuffle") ?? true)
    }

    /// The first layer must take the dataset's features; the last must give the single output both losses use.
    private static func checkShapes(_ data: DataSpec, _ model: ModelSpec, _ loss: LossFunction, _ f: Fields, _ reader: SpecReader) {
        let layersNode = f["model"]?.mapping?["layers"]
        let name: String
        switch data.dataset {
        case .deliveryTimes: name = "delivery-times"
        case .makeClassification(let o):
            name = "make-classification"
            if loss == .bceWithLogits, o.nClasses != 2 {
                reader.error(f["loss"], "bce-with-logits needs two classes, but n_classes is \(o.nClasses)")
            }
        }
        if case .deliveryTimes = data.dataset, loss == .bceWithLogits {
            reader.error(f["loss"], "bce-with-logits needs class labels; delivery-times is a regression dataset (use mse)")
        }
        if let first = model.layers.first, first != data.dataset.featureCount {
            reader.error(layersNode, "the first layer takes \(first) inputs but \(name) has \(data.dataset.featureCount) features")
        }
        if model.layers.count >= 2, let last = model.layers.last, last != 1 {
            reader.error(layersNode, "the last layer must have 1 output for \(loss.rawValue), got \(last)")
        }
        let validSplit = data.split.testSize > 0 && data.split.testSize < 1
        if validSplit, data.trainCount < 1 || data.trainCount == data.dataset.sampleCount {
            reader.error(f["data"], "the split leaves \(data.trainCount) training rows of \(data.dataset.sampleCount)")
        }
    }

    /// Refuses specs beyond `limits.budget` parameter-sample visits (runs × epochs × samples × parameters).
    private static func checkBudget(_ spec: TrainSpec, _ node: Node, _ reader: SpecReader) {
        let cost = Double(max(spec.runs.count, 1)) * Double(spec.training.epochs)
            * Double(spec.data.dataset.sampleCount) * Double(spec.model.parameterCount)
        guard cost > limits.budget else { return }
        let format = NumberFormat(style: .exponent, precision: 1)
        reader.error(at: reader.origin, "this experiment is too large to run at build time: runs × epochs × samples × "
            + "parameters = \(format.format(cost)), over the budget of \(format.format(limits.budget)); "
            + "reduce epochs, samples, layer widths or runs")
    }

    var canonical: Canonical {
        .object([
            "data": data.canonical, "model": model.canonical, "loss": .string(loss.rawValue),
            "training": .object(["epochs": .int(training.epochs), "batch_size": .int(training.batchSize),
                                 "shuffle": .bool(training.shuffle)]),
            "runs": .array(runs.map { run in
                .object(["label": .string(run.label), "optimizer": run.optimizer.canonical,
                         "scheduler": run.scheduler?.canonical ?? .null])
            }),
            "metrics": .array(metrics.map { .string($0.rawValue) }),
            "constants": .object(constants.mapValues { .number($0) }),
        ])
    }
}
