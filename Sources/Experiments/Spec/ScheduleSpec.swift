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
    }

    /// A torch scheduler's learning rate per step: the lr after `step` calls to `scheduler.step()`
    /// (step 0 is `base_lr`).
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
