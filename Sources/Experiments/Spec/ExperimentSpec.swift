import Diagnostics

/// One `experiment` block of a lesson, parsed and validated with every default filled in; the runner
/// executes `body` and renders `table`, `chart` and `checks`. This type knows nothing of how it runs.
public struct ExperimentSpec: Sendable, Hashable {
    /// The block kinds.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case train, trace, schedule, landscape
    }

    /// The kind-specific part.
    public enum Body: Sendable, Hashable {
        case train(TrainSpec)
        case trace(TraceSpec)
        case schedule(ScheduleSpec)
        case landscape(LandscapeSpec)
    }

    /// A slug, unique on its page, used by references (`sgd-variants["SGD (lr=0.01)"].test_mae`).
    public var id: String
    public var kind: Kind { body.kind }
    /// Where the block's YAML starts in the markdown file.
    public var location: SourceLocation
    public var title: String?
    public var caption: String?
    /// The Python script this block reproduces, relative to the lesson: linked from the figure,
    /// published beside the page, and run by `sitegen verify`.
    public var source: String?
    /// Where the `source` value is written, for errors about the script.
    public var sourceLocation: SourceLocation?
    public var table: TableSpec?
    public var chart: ChartSpec?
    public var checks: [CheckSpec]
    /// The computation; for a sweep, its default point.
    public var body: Body
    /// `sweep:`: the block computed at every point of a grid of one or two run options.
    public var sweep: SweepSpec? = nil
}

extension ExperimentSpec.Body {
    var kind: ExperimentSpec.Kind {
        switch self {
        case .train: return .train
        case .trace: return .trace
        case .schedule: return .schedule
        case .landscape: return .landscape
        }
    }
}
