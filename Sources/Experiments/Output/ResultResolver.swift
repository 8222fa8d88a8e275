import Diagnostics

/// Resolves the names in checks, table cells and inline references against a page's results.
///
/// - `block["run"].name` / `["run"].name`: a run's recorded series (a metric per epoch, a traced
///   quantity or scheduler lr per step, a schedule column's `value`);
/// - `block.name`: a single-run block's series, or a schedule block's column;
/// - bare names: the current row's values (`label`, `epoch`/`step`/`t`, the row run's metrics, a
///   schedule's constants and columns), or the current block's single run;
/// - `lesson/path#block…`: any of the qualified forms, read from another lesson's results (`otherLessons`).
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
    /// The site's other lessons, for `lesson/path#block…` references (nil: none can be read here).
    public let otherLessons: OtherLessonResults?
    /// Where `results` come from, for messages: "on this page", or "in lesson 'optimisers/optimisers'".
    let place: String
    /// The seed every block with seeds is read at (`pinned(toSeed:)`), for other lessons' blocks too.
    var seed: Int?

    public init(results: [String: ExperimentResult], specs: [String: ExperimentSpec], current: String?, row: Row? = nil,
                otherLessons: OtherLessonResults? = nil) {
        self.init(results: results, specs: specs, current: current, row: row, otherLessons: otherLessons, place: "on this page")
    }

    init(results: [String: ExperimentResult], specs: [String: ExperimentSpec], current: String?, row: Row?,
         otherLessons: OtherLessonResults?, place: String) {
        self.results = results
        self.specs = specs
        self.current = current
        self.row = row
        self.otherLessons = otherLessons
        self.place = place
    }

    public func resolve(_ reference: Reference) throws(ReferenceError) -> Value {
        if let lesson = reference.lesson {
            var local = reference
            local.lesson = nil
            return try other(lesson).resolve(local)
        }
        guard let id = reference.block ?? current else {
            throw ReferenceError("'\(reference)' needs a block id in prose: write block-id[\"run label\"].\(reference.name)")
        }
        guard let found = results[id] else {
            // `name.metric` where `name` is a run of the current block, not a block: say how to write it.
            if reference.run == nil, let current, current != id, results[current]?.run(id) != nil {
                throw ReferenceError("no experiment with id '\(id)' \(place); '\(id)' is a run of '\(current)': write ['\(id)'].\(reference.name)")
            }
            throw ReferenceError("no experiment with id '\(id)' \(place)" + DidYouMean.hint(for: id, among: results.keys.sorted()))
        }
        let result = try Self.point(of: found, reference)
        let spec = specs[id]
        let bare = reference.block == nil && reference.run == nil && reference.point.isEmpty
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
        if name == "diverged", case .train? = spec?.body { return .bool(run.divergence != nil) }
        guard let series = run.series[name] else {
            throw ReferenceError.unknownName(name, among: run.series.keys.sorted() + (bare ? ["label"] : []))
        }
        let isScalar = series.allSatisfy { $0.count == 1 }
        if position == nil, let divergence = run.divergence {
            // The series stops before the divergence: its last value is not the run's result.
            throw ReferenceError("'\(run.label)' \(divergence), so its \(name) has no final value")
        }
        if let position {
            guard position < series.count else {
                // A table row after a run diverged says so in its cell instead of failing the build.
                if let divergence = run.divergence { return .string(divergence.description) }
                throw ReferenceError("'\(run.label)' has no value at this row")
            }
            return isScalar ? .number(series[position][0]) : .vector(series[position])
        }
        if isScalar {
            return .series(Series(series.map { $0[0] }, higherIsBetter: Metric(rawValue: name)?.higherIsBetter ?? false))
        }
        return .vector(series.last ?? [])
    }

    /// A resolver over another lesson's results (read at this resolver's seed, if pinned to one).
    func other(_ lesson: String) throws(ReferenceError) -> ResultResolver {
        guard let otherLessons else {
            throw ReferenceError("'\(lesson)#…' names another lesson, whose results cannot be read here: quote them in a check or in prose")
        }
        let found = try otherLessons.lookup(lesson)
        let resolver = ResultResolver(results: found.results, specs: found.specs, current: nil, row: nil,
                                      otherLessons: nil, place: "in lesson '\(lesson)'")
        return seed.map { resolver.pinned(toSeed: $0) } ?? resolver
    }

    /// The result a reference reads: a sweep's point (`[lr=0.1]`), or the block's result when it is not a sweep.
    static func point(of result: ExperimentResult, _ reference: Reference) throws(ReferenceError) -> ExperimentResult {
        guard let grid = result.sweep else {
            if reference.point.isEmpty { return result }
            throw ReferenceError("'\(result.id)' is not a sweep: remove [\(reference.point.map(\.description).joined(separator: ", "))]")
        }
        guard !reference.point.isEmpty else {
            throw ReferenceError("'\(result.id)' is a sweep over \(grid.optionList): name a point, as in \(result.id)[\(grid.text(of: grid.defaultPoint))]"
                + (reference.run.map { "[\"\($0)\"]" } ?? "") + ".\(reference.name)")
        }
        switch grid.point(named: reference.point) {
        case .success(let point): return result.at(point: point)
        case .failure(let error): throw ReferenceError(error.message)
        }
    }
}
