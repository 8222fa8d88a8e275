/// Floating-point operations of an experiment, counted from its shapes: per training sample a forward
/// pass (2 FLOP per multiply-add) and a backward pass (4: input and weight gradients, except that the
/// first layer's input gradient is not computed, as in torch, whose input needs no gradient), plus the
/// per-epoch evaluation passes, for each run's model; bias, activation, loss and optimiser work is not counted.
/// `sitegen bench` divides it by the wall time. A sweep counts every point (a diverged point as if it trained
/// to the end), a block with seeds every seed.
public enum FlopCount {
    public static func estimate(_ spec: ExperimentSpec) -> Double {
        (spec.sweep?.bodies ?? [spec.body]).reduce(0) { $0 + estimate($1) }
    }

    static func estimate(_ body: ExperimentSpec.Body) -> Double {
        guard case .train(let train) = body else { return 0 }
        let models = train.runs.map { train.model(for: $0) }
        return models.map { perEpoch(train, $0.layers) }.reduce(0, +) * Double(train.training.epochs)
            * Double(train.seeds?.count ?? 1)
    }

    /// One training run of `train` (one seed or sweep point): what `ExperimentRunner` orders its jobs by.
    static func estimate(_ train: TrainSpec, run: TrainRun) -> Double {
        perEpoch(train, train.model(for: run).layers) * Double(train.training.epochs)
    }

    private static func perEpoch(_ train: TrainSpec, _ layers: [Int]) -> Double {
        let macs = Double(zip(layers, layers.dropFirst()).map { $0 * $1 }.reduce(0, +))
        let firstLayerMacs = Double(layers.count > 1 ? layers[0] * layers[1] : 0)
        let nTrain = Double(train.data.trainCount)
        let nTest = Double(train.data.testCount), nValidation = Double(train.data.validationCount)
        var perEpoch = (6 * macs - 2 * firstLayerMacs) * nTrain
        let metrics = Set(train.metrics)
        let gaps = metrics.contains(.genGap) || metrics.contains(.accuracyGap)
        if metrics.contains(.trainLoss) || metrics.contains(.trainAccuracy) || gaps { perEpoch += 2 * macs * nTrain }
        if metrics.contains(.testLoss) || metrics.contains(.testMAE) || metrics.contains(.accuracy)
            || metrics.contains(.testAccuracy) || gaps { perEpoch += 2 * macs * nTest }
        if metrics.contains(where: \.needsValidation) { perEpoch += 2 * macs * nValidation }
        return perEpoch
    }
}
