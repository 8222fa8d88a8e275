/// What running one experiment block produced: for each run (a training configuration, a traced
/// optimiser, a schedule column), named series indexed by epoch or step.
public struct ExperimentResult: Codable, Sendable, Equatable {
    /// The block's `id`.
    public var id: String
    /// `epoch` for training runs, `step` for traces and schedules.
    public var axis: String
    /// The epoch or step numbers the series are indexed by (1-based epochs; steps as listed).
    public var positions: [Int]
    public var runs: [RunResult]
    /// A train block with `seeds`: the seeds in order, and the block's result for each of them; `runs` then
    /// hold every series' mean over the seeds, epoch by epoch (see `SeedAggregate`).
    public var seeds: [Int]?
    public var seedResults: [ExperimentResult]?
    /// For a sweep: its grid; `runs` then holds every point's runs, each with its `point`.
    public var sweep: SweepGrid?

    public init(id: String, axis: String, positions: [Int], runs: [RunResult], seeds: [Int]? = nil,
                seedResults: [ExperimentResult]? = nil, sweep: SweepGrid? = nil) {
        self.id = id
        self.axis = axis
        self.positions = positions
        self.runs = runs
        self.seeds = seeds
        self.seedResults = seedResults
        self.sweep = sweep
    }

    public func run(_ label: String) -> RunResult? { runs.first { $0.label == label } }

    /// One point of a sweep as a result of its own: that point's runs, as if the block had been written with
    /// its values (with `seeds`, each seed's result at that point too: a block with seeds, read as any other).
    public func at(point: Int) -> ExperimentResult {
        ExperimentResult(id: id, axis: axis, positions: positions, runs: runs.filter { $0.point == point }.map { run in
            var run = run
            run.point = nil
            return run
        }, seeds: seeds, seedResults: seedResults?.map { $0.at(point: point) })
    }
}

/// One run's recorded values. A series holds one vector per position: length 1 for scalars such as
/// a loss, the parameter count for traced state such as `m`.
public struct RunResult: Codable, Sendable, Equatable {
    public var label: String
    public var series: [String: [[Double]]]
    /// Set when the run's loss became NaN or infinite; the series stop before that epoch.
    public var divergence: Divergence?
    /// The sweep point this run belongs to (an index into the block's `SweepGrid`); nil outside sweeps.
    public var point: Int?

    public init(label: String, series: [String: [[Double]]] = [:], divergence: Divergence? = nil, point: Int? = nil) {
        self.label = label
        self.series = series
        self.divergence = divergence
        self.point = point
    }

    /// A scalar series (the first element of each vector).
    public func scalars(_ name: String) -> [Double]? {
        series[name].map { $0.map { $0.first ?? .nan } }
    }
}

/// Where a training run stopped because its loss was no longer finite.
public struct Divergence: Codable, Sendable, Equatable, CustomStringConvertible {
    /// 1-based epoch and 1-based minibatch step within it.
    public var epoch: Int
    public var step: Int

    public init(epoch: Int, step: Int) {
        self.epoch = epoch
        self.step = step
    }

    public var description: String { "diverged at epoch \(epoch)" }
}
