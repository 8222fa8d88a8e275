import Diagnostics

/// A `kind: schedule` block: formulas and torch learning-rate schedulers evaluated at given steps.
public struct ScheduleSpec: Sendable, Hashable {
    /// The steps, as written.
    public enum Steps: Sendable, Hashable {
        case list([Int])
        /// from, from + every, … up to and including `to`.
        case range(from: Int, to: Int, every: Int)

        public var values: [Int] {
            switch self {
            case .list(let steps): return steps
            case .range(let from, let to, let every): return Array(stride(from: from, through: to, by: every))
            }
        }
    }

    /// A formula column: `expr` may use `t` (= `step`), the constants, and earlier columns by name.
    public struct Column: Sendable, Hashable {
        public var name: String
        public var expression: Expression
        /// Where the `expr` text is written in the markdown file; an evaluation error's offset counts from its start.
        public var site: FormulaSite
    }

    /// A torch scheduler's learning rate per step: at step s, the lr the s-th optimiser step uses, after s − 1
    /// calls to `scheduler.step()` (step 0 gives step 1's value; `ScheduleRunner`).
    public struct Scheduler: Sendable, Hashable {
        public var label: String
        public var scheduler: SchedulerSpec
        public var baseLR: Double
    }

    public var steps: Steps
    public var constants: [String: Double]
    public var columns: [Column]
    public var schedulers: [Scheduler]
}
