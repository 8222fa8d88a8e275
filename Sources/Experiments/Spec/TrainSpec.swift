import Diagnostics

/// A `kind: train` block: an MLP trained on a dataset once per run (same data, same initial weights),
/// each run with its own optimiser and optional scheduler, metrics recorded every epoch.
public struct TrainSpec: Sendable, Hashable {
    public var data: DataSpec
    public var model: ModelSpec
    public var loss: LossFunction
    /// The loss's options (HuberLoss's delta, SmoothL1Loss's beta, CrossEntropyLoss's label_smoothing).
    public var lossOptions = LossOptions()
    public var training: TrainingSpec
    public var runs: [TrainRun]
    /// Recorded per epoch, in the order given (default: every metric that applies to the loss).
    public var metrics: [Metric]
    /// Per-layer metrics listed with them (`weight_norm_2`, `grad_norm_1`), recorded after `metrics`.
    public var layerMetrics: [LayerMetric] = []
    /// Named numbers usable in `lr_lambda`, table values and checks.
    public var constants: [String: Double]
    /// `seeds: [1, 2, 3]`: every run is repeated once per seed, each seed taking `model.seed`'s place
    /// (initial weights, batch order, dropout); the data and split stay fixed. Nil: one run with `model.seed`.
    public var seeds: [Int]? = nil

    /// Every recorded metric's name, as tables, charts and expressions name it.
    public var metricNames: [String] { metrics.map(\.rawValue) + layerMetrics.map(\.name) }

    /// Mini-batches per epoch: ceil(n_train / batch_size) (the last batch is shorter).
    public var stepsPerEpoch: Int {
        let n = data.trainCount, b = training.batchSize
        return (n + b - 1) / b
    }
}

/// The training loop's settings.
public struct TrainingSpec: Sendable, Hashable {
    public var epochs: Int
    public var batchSize: Int
    /// DataLoader `shuffle` (drawn from torch's global generator after the model is built).
    public var shuffle = true
    /// `torch.set_num_threads(threads)`: batch norm's batch statistics depend on it.
    public var threads = 1
    /// The mode the per-epoch metrics are computed in: eval (`model.eval()`, the default) or train.
    public var evaluationMode: EvaluationMode = .eval
    /// `clip_grad`: clip_grad_norm_ or clip_grad_value_ after each backward pass (nil: no clipping).
    public var clipGrad: GradientClippingSpec? = nil
}

/// Whether the per-epoch evaluation calls `model.eval()` first.
public enum EvaluationMode: String, Sendable, Hashable, CaseIterable {
    case eval, train
}

/// One training run: a label (unique in the block, used in tables, charts and references) and its optimiser.
public struct TrainRun: Sendable, Hashable {
    public var label: String
    public var optimizer: OptimizerSpec
    public var scheduler: SchedulerSpec?
    /// `diverges: true`: the author shows this run blowing up on purpose. A run that diverges without
    /// it is an error (a learning rate too large by mistake), and one marked but finishing is an error too.
    public var expectsDivergence = false
    /// The run's own model, batch size and evaluation, when it differs from the block's in them (nil: the
    /// block's). A run is then a point of a comparison of architectures, batch sizes or evaluation modes.
    public var overrides = RunOverrides()
    /// Where the run's learning rate is written (or the run itself), for messages about the run's outcome.
    public var location: SourceLocation

    public init(label: String, optimizer: OptimizerSpec, scheduler: SchedulerSpec? = nil,
                expectsDivergence: Bool = false, overrides: RunOverrides = RunOverrides(), location: SourceLocation) {
        self.label = label
        self.optimizer = optimizer
        self.scheduler = scheduler
        self.expectsDivergence = expectsDivergence
        self.overrides = overrides
        self.location = location
    }
}
