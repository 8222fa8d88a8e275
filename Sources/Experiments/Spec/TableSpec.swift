import Diagnostics

/// The table an experiment renders: one row per run (or epoch, or step), one cell per column expression.
public struct TableSpec: Sendable, Hashable {
    /// What each row stands for.
    public enum Rows: String, Sendable, Hashable, CaseIterable {
        case runs, epochs, steps
    }

    /// Mark the best cell of a column.
    public enum Highlight: String, Sendable, Hashable, CaseIterable {
        case min, max
    }

    /// One column: its header, the expression giving each cell, and how numbers print.
    public struct Column: Sendable, Hashable {
        public var header: String
        public var value: Expression
        /// The `value` text as written, for messages.
        public var source: String
        public var format: NumberFormat?
        public var highlight: Highlight?
        /// Where the `value` text is written in the markdown file; an evaluation error's offset counts from its start.
        public var site: FormulaSite
    }

    public var columns: [Column]
    public var rows: Rows
}
