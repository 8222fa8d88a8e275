import Diagnostics

/// `sweep:` in a train block: one or two run options, each over a list of values, expanded into one
/// computation per point of the grid (every run of the block at that point). The block's `body` is the
/// default point; `bodies` holds every point in grid order.
public struct SweepSpec: Sendable, Hashable {
    public var grid: SweepGrid
    /// Each point's computation: the block with that point's values written in, in grid order.
    public var bodies: [ExperimentSpec.Body]
    /// The chart of a final metric against the swept value (the first axis), if asked for.
    public var chart: SweepChartSpec?
    /// Where `sweep:` is written.
    public var location: SourceLocation

    /// Limits: points are computed at build time and embedded in the page, one table row and one chart line per
    /// point and run (`runs`); with `seeds` each of those is trained once per seed (`trainings`: as many as a block
    /// without a sweep may train, its most runs × its most seeds).
    static let limits = (axes: 2, values: 50, points: 100, runs: 200,
                         trainings: TrainSpec.limits.runs * TrainSpec.seedLimits.count.upperBound)
}

/// `sweep.chart`: the final value of one or more metrics plotted against the swept value, one line per run and
/// metric: the "loss against learning rate" curve, or training and test loss against dropout's p (their gap).
public struct SweepChartSpec: Sendable, Hashable {
    /// The metrics whose final values are plotted (`y: train_loss` or `y: [train_loss, test_loss]`).
    public var y: [String]
    public var xScale: ChartSpec.Scale
    public var yScale: ChartSpec.Scale
    public var title: String?
    public var yLabel: String?
}

/// Which part of a block a swept option changes.
enum SweepTarget: Equatable {
    /// `runs[i].optimizer.<option>` of every run whose optimiser has it.
    case optimizer
    /// `runs[i].scheduler.<option>` of every run with a scheduler that has it.
    case scheduler
    /// `training.<option>`.
    case training
    /// The `p` of every `{dropout: p}` layer, in the block's model and in each run's own `model`.
    case dropout

    static let optimizerOptions = ["lr", "momentum", "dampening", "weight_decay", "nesterov", "eps", "amsgrad"]
    static let schedulerOptions = ["step_size", "gamma", "T_max", "eta_min", "factor", "patience", "threshold",
                                   "cooldown", "min_lr", "max_lr", "total_steps", "pct_start", "div_factor",
                                   "final_div_factor", "three_phase", "cycle_momentum", "base_momentum",
                                   "max_momentum", "warmup_fraction", "warmup_steps"]
    static let flags: Set<String> = ["nesterov", "amsgrad", "three_phase", "cycle_momentum"]
    static var all: [String] { optimizerOptions + schedulerOptions + ["batch_size", "dropout"] }

    init?(option: String) {
        if Self.optimizerOptions.contains(option) { self = .optimizer }
        else if Self.schedulerOptions.contains(option) { self = .scheduler }
        else if option == "batch_size" { self = .training }
        else if option == "dropout" { self = .dropout }
        else { return nil }
    }
}

extension ExperimentSpec.Body {
    /// The number of training runs (0 for other kinds).
    var trainRunCount: Int {
        if case .train(let t) = self { return t.runs.count }
        return 0
    }
}

extension ExperimentSpec {
    /// The runs computed for the block: every point's runs for a sweep, each once per seed with `seeds`.
    public var computedRunCount: Int {
        let seeds = if case .train(let train) = body { train.seeds?.count ?? 1 } else { 1 }
        guard let sweep else { return runLabels.count * seeds }
        return sweep.bodies.reduce(0) { $0 + $1.trainRunCount } * seeds
    }
}
