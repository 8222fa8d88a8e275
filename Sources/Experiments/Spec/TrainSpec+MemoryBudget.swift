import Yams

/// The memory a `train` block would take, estimated from its shapes before anything is allocated,
/// beside the compute budget: a block that fits the compute budget can still ask for 40 GB
/// (`layers: [4, 100000, 100000, 1]` is 10¹⁰ parameters). Counted in bytes, every run at once, each once per
/// seed with `seeds` (runs train in parallel, and their results are kept):
///
/// - parameters: (weights + gradients + optimiser state) × 4 bytes, the state being 1 slot for SGD with
///   momentum, 2 for Adam and AdamW, 3 with amsgrad;
/// - activations: rows × Σ layer widths × 2 (values and gradients) × 4 bytes, rows being the largest of
///   the train, validation and test set (the per-epoch losses run over a whole set at once; a batch is at most the
///   train set, whatever batch_size says);
/// - recorded series: epochs × (8 bytes per metric + 4 per test row when test_mae or accuracy keeps
///   the epoch's predictions, and 4 per validation row for val_accuracy);
/// plus the data set once, n_samples × (features + 1) × 8 bytes × 3 copies (raw, split, normalised).
extension TrainSpec {
    static let memoryBudget = 2e9  // bytes

    struct MemoryEstimate {
        var parameters = 0.0, activations = 0.0, series = 0.0, data = 0.0
        var total: Double { parameters + activations + series + data }
    }

    var memoryEstimate: MemoryEstimate {
        // With seeds every run trains once per seed, and each seed's results are kept.
        let runCount = Double(max(runs.count, 1) * (seeds?.count ?? 1))
        var estimate = MemoryEstimate()
        let slots = runs.map { run -> Double in
            switch run.optimizer {
            case .sgd(let o): return o.momentum > 0 ? 1 : 0
            case .adam(let o), .adamW(let o): return o.amsgrad ? 3 : 2
            case .adaptive(let name, _): return name == .rmsprop ? 3 : 2
            }
        }.max() ?? 2
        // Runs with their own model are counted as the largest model of the block.
        let models = [model] + runs.compactMap(\.overrides.model)
        let parameterCount = models.map(\.parameterCount).max() ?? model.parameterCount
        let widthSum = models.map { $0.layers.reduce(0) { $0 &+ $1 } }.max() ?? 0
        estimate.parameters = runCount * Double(parameterCount) * (2 + slots) * 4
        let testCount = data.testCount
        let rows = Double(max(data.trainCount, testCount, data.validationCount))
        estimate.activations = runCount * rows * Double(widthSum) * 2 * 4
        let keepsPredictions = metrics.contains(.testMAE) || metrics.contains(.accuracy)
        let keptRows = (keepsPredictions ? testCount : 0) + (metrics.contains(.valAccuracy) ? data.validationCount : 0)
        estimate.series = runCount * Double(training.epochs) * (Double(metrics.count) * 8 + Double(keptRows) * 4)
        estimate.data = Double(data.dataset.sampleCount) * Double(data.dataset.featureCount + 1) * 8 * 3
        return estimate
    }

    /// Refuses a block over `memoryBudget`, at the key that asks for most of it.
    static func checkMemory(_ spec: TrainSpec, _ f: Fields, _ reader: SpecReader) {
        let estimate = spec.memoryEstimate
        guard estimate.total > memoryBudget else { return }
        let parts = [("parameters and optimiser state", estimate.parameters, f["model"]?.mapping?["layers"], "layer widths"),
                     ("activations", estimate.activations, f["model"]?.mapping?["layers"], "layer widths or n_samples"),
                     ("recorded series", estimate.series, f["training"]?.mapping?["epochs"], "epochs or the test set"),
                     ("data", estimate.data, f["data"]?.mapping?["n_samples"], "n_samples")]
        let largest = parts.max { $0.1 < $1.1 } ?? parts[0]
        let breakdown = parts.map { "\($0.0) \(gigabytes($0.1))" }.joined(separator: ", ")
        reader.error(largest.2 ?? f.node, "this experiment would need about \(gigabytes(estimate.total)) of memory "
            + "(\(breakdown)), over the memory budget of \(gigabytes(memoryBudget)); reduce \(largest.3)")
    }

    /// `40.0 GB`, `3.1 MB` under a gigabyte, `1.6 KB` under a megabyte: one decimal.
    static func gigabytes(_ bytes: Double) -> String {
        let (scale, unit) = bytes < 1e6 ? (1e3, "KB") : bytes < 1e9 ? (1e6, "MB") : (1e9, "GB")
        let value = (bytes / scale * 10).rounded() / 10
        return value < 1e15 ? "\(value) \(unit)" : "\(bytes / scale) \(unit)"
    }
}
