/// What one run of a `train` block sets for itself instead of taking the block's: its `model`, its
/// `batch_size`, and its `evaluation` (the mode the metrics are computed in, and the batches they are
/// computed in). Every run still starts from the same data; a run with its own model draws its initial
/// weights after `torch.manual_seed` of that model's seed, as its script does (in a block with `seeds`, each seed in
/// turn: `TrainSpec.repetition(seed:)`).
public struct RunOverrides: Sendable, Hashable {
    public var model: ModelSpec?
    public var batchSize: Int?
    public var evaluation: RunEvaluation?

    public init(model: ModelSpec? = nil, batchSize: Int? = nil, evaluation: RunEvaluation? = nil) {
        self.model = model
        self.batchSize = batchSize
        self.evaluation = evaluation
    }
}

/// How a run's per-epoch metrics are computed: in `mode` (`eval` after `model.eval()`, `train` without it),
/// over each set at once or, with `batchSize`, in consecutive batches of that many rows (a DataLoader
/// without shuffling), as a reader's evaluation loop does.
public struct RunEvaluation: Sendable, Hashable {
    public var mode: EvaluationMode
    public var batchSize: Int?

    public init(mode: EvaluationMode, batchSize: Int? = nil) {
        self.mode = mode
        self.batchSize = batchSize
    }
}

extension TrainSpec {
    /// The model `run` trains: its own, or the block's.
    public func model(for run: TrainRun) -> ModelSpec { run.overrides.model ?? model }

    /// The training batch size of `run`.
    public func batchSize(for run: TrainRun) -> Int { run.overrides.batchSize ?? training.batchSize }

    /// How `run`'s metrics are computed: its own evaluation, or the block's mode over whole sets.
    public func evaluation(for run: TrainRun) -> RunEvaluation {
        run.overrides.evaluation ?? RunEvaluation(mode: training.evaluationMode)
    }

    /// Mini-batches per epoch of `run`: ceil(n_train / batch size).
    public func stepsPerEpoch(for run: TrainRun) -> Int {
        let n = data.trainCount, b = batchSize(for: run)
        return (n + b - 1) / b
    }
}
