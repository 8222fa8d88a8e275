import Diagnostics

/// What a training run computes, apart from what it records: the data, the block's settings for one seed or
/// sweep point, and the run's optimiser, scheduler and overrides, without its label, its place in the file
/// or the metrics. Two runs with the same `SharedTraining` follow the same trajectory bit for bit (each
/// seeds its own generator; the data is made from its spec alone), so a build trains them once and gives
/// each its own metrics: the lesson's "SGD + momentum" runs of `sgd-variants` and `adam-vs-adamw` (five
/// seeds each) are the same runs.
///
/// Only runs evaluated in eval mode share: in train mode an evaluation pass draws dropout masks from the
/// run's generator and updates batch norm's running statistics, so which sets a run evaluates (its metrics)
/// changes the rest of its training.
struct SharedTraining: Hashable {
    /// The block's settings for one seed or sweep point (the data spec among them), without metrics and runs.
    let spec: TrainSpec
    let run: TrainRun

    /// The training of `run` under `spec` (one seed or sweep point of a block) on data made from `spec.data`;
    /// nil when the run's metrics are computed in train mode.
    init?(spec: TrainSpec, run: TrainRun) {
        guard spec.evaluation(for: run).mode == .eval else { return nil }
        var spec = spec
        spec.metrics = []
        spec.layerMetrics = []
        spec.runs = []
        var run = run
        run.label = ""
        run.location = SourceLocation(file: "", line: 0, column: 0)
        self.spec = spec
        self.run = run
    }

    /// `spec` recording, after its own metrics, every metric the other specs record and it does not.
    static func recordingEveryMetric(_ spec: TrainSpec, of others: [TrainSpec]) -> TrainSpec {
        var merged = spec
        for other in others {
            merged.metrics += other.metrics.filter { !merged.metrics.contains($0) }
            merged.layerMetrics += other.layerMetrics.filter { !merged.layerMetrics.contains($0) }
        }
        return merged
    }

    /// The run as `spec` records it, from a run of the same training that recorded at least its metrics:
    /// its label, its metrics' series only, and its sweep point.
    static func result(_ shared: RunResult, as run: TrainRun, of spec: TrainSpec, point: Int?) -> RunResult {
        let names = Set(spec.metricNames)
        return RunResult(label: run.label, series: shared.series.filter { names.contains($0.key) },
                         divergence: shared.divergence, point: point)
    }
}
