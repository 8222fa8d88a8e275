import Diagnostics

/// Resolves the names in checks, table cells and inline references against a page's results.
///
/// - `block["run"].name` / `["run"].name`: a run's recorded series (a metric per epoch, a traced
///   quantity or scheduler lr per step, a schedule column's `value`);
/// - `block.name`: a single-run block's series, or a schedule block's column;
/// - bare names: the current row's values (`label`, `epoch`/`step`/`t`, the row run's metrics, a
///   schedule's constants and columns), or the current block's single run.
/// Inside a row for one position (an epoch or step), series become their value there; a quantity that
/// is a vector per step (traced parameters) stays a vector.
public struct ResultResolver: ExpressionResolver {
    /// What a table row stands for.
    public enum Row: Sendable {
        case run(String)
        /// 0-based index into the block's positions.
        case position(Int)
    }

    public let results: [String: ExperimentResult]
    public let specs: [String: ExperimentSpec]
    public let current: String?
    public let row: Row?

    public init(results: [String: ExperimentResult], specs: [String: ExperimentSpec], current: String?, row: Row? = nil) {
        self.results = results
        self.specs = specs
        self.current = current
        self.row = row
    }

    public func resolve(_ reference: Reference) throws(ReferenceError) -> Value {
        guard let id = reference.block ?? current else {
            throw ReferenceError("'\(reference)' needs a block id in prose: write block-id[\"run label\"].\(reference.name)")
        }
        guard let result = results[id] else {
            throw ReferenceError("no experiment with id '\(id)' on this page" + DidYouMean.hint(for: id, among: results.keys.sorted()))
        }
        let spec = specs[id]
        let bare = reference.block == nil && reference.run == nil
        let sameBlock = reference.block == nil || reference.block == current
        let position: Int? = if sameBlock, case .position(let p)? = row { p } else { nil }

        if bare, case .run(let label)? = row, reference.name == "label" { return .string(label) }
        if bare, let position, ["epoch", "step", "t"].contains(reference.name), position < result.positions.count {
            return .number(Double(result.positions[position]))
        }
        if reference.run == nil, case .schedule(let schedule)? = spec?.body, let constant = schedule.constants[reference.name] {
            return .number(constant)
        }

        let run: RunResult
        var name = reference.name
        if let label = reference.run {
            guard let found = result.run(label) else {
                throw ReferenceError("no run '\(label)' in '\(id)'" + DidYouMean.hint(for: label, among: result.runs.map(\.label)))
            }
            run = found
        } else if bare, case .run(let label)? = row, let found = result.run(label) {
            run = found
        } else if let column = result.runs.first(where: { $0.label == reference.name && $0.series["value"] != nil }) {
            run = column          // a schedule column by its name
            name = "value"
        } else if result.runs.count == 1 {
            run = result.runs[0]
        } else {
            throw ReferenceError("'\(reference.name)' is ambiguous in '\(id)', which has \(result.runs.count) runs: write [\"run label\"].\(reference.name)")
        }
        guard let series = run.series[name] else {
            throw ReferenceError.unknownName(name, among: run.series.keys.sorted() + (bare ? ["label"] : []))
        }
        let isScalar = series.allSatisfy { $0.count == 1 }
        if let position {
            guard position < series.count else {
                if let divergence = run.divergence { throw ReferenceError("'\(run.label)' \(divergence)") }
                throw ReferenceError("'\(run.label)' has no value at this row")
            }
            return isScalar ? .number(series[position][0]) : .vector(series[position])
        }
        if isScalar {
            return .series(Series(series.map { $0[0] }, higherIsBetter: Metric(rawValue: name)?.higherIsBetter ?? false))
        }
        return .vector(series.last ?? [])
    }
}
