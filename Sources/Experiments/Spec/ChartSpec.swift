import Diagnostics

/// The chart an experiment renders.
public struct ChartSpec: Sendable, Hashable {
    /// What kind of chart.
    public enum ChartType: String, Sendable, Hashable, CaseIterable {
        /// One line per run (train, trace) or per column/scheduler (schedule).
        case line
        /// One bar per run with the final value of `y`.
        case bar
        /// Learning-rate curves: `lr` per run in train blocks, the columns and schedulers in schedule blocks.
        case schedule
    }

    /// The x axis.
    public enum Axis: String, Sendable, Hashable, CaseIterable { case epoch, step }
    /// The y axis scale.
    public enum Scale: String, Sendable, Hashable, CaseIterable { case linear, log }

    /// A vertical marker at `x` with a label.
    public struct Annotation: Sendable, Hashable {
        public var x: Double
        public var label: String
    }

    public var type: ChartType
    /// The plotted quantities: metrics (train), recorded quantities (trace), columns or scheduler labels (schedule).
    public var y: [String]
    public var x: Axis
    public var yScale: Scale
    public var title: String?
    public var xLabel: String?
    public var yLabel: String?
    public var annotations: [Annotation]
}
