import Diagnostics
import Experiments

/// The `spec` fuzzer: one experiment block.
extension FuzzTargets {
    /// The body of an ```` ```experiment ```` block, as `RunExperiments` reads it: `ExperimentSpec.parse`
    /// (YAML, every field, expressions of table values, checks and schedule columns), the cache key
    /// material, then the figure (table, chart, checks, CSV) over cheap results (see `cheapResults`).
    /// The bytes are decoded leniently: any Swift string can be a block of a valid UTF-8 file.
    public static func spec(_ bytes: [UInt8]) -> Outcome {
        let yaml = String(decoding: bytes, as: UTF8.self)
        let origin = SourceLocation(file: "content/fuzz/fuzz.md", line: 12, column: 1)
        let spec: ExperimentSpec
        do {
            spec = try ExperimentSpec.parse(yaml: yaml, at: origin)
        } catch {
            return rejected(error.diagnostics)
        }
        var summary = spec.cacheKeyMaterial.utf8.count + spec.presentationKeyMaterial.utf8.count
        summary += ExperimentRunner.cacheKey(spec).utf8.count
        summary += ExperimentSpec.duplicateIDs(in: [spec, spec]).count
        let results: [String: ExperimentResult]
        do {
            results = try cheapResults([spec])
        } catch {
            return rejected(error.diagnostics)
        }
        let specs = [spec.id: spec]
        do {
            summary += try ExperimentFigure.tableCells(spec, results: results, specs: specs).count
        } catch {
            return rejected([error])
        }
        do {
            let figure = try ExperimentFigure.render(spec, results: results, specs: specs)
            summary += figure.html.utf8.count + figure.csv.utf8.count
        } catch {
            return rejected(error.diagnostics)
        }
        return .accepted("\(spec.id) \(summary)")
    }

    /// Results for `specs` without minutes of training: trace and schedule blocks run for real through
    /// `ExperimentRunner` when they are small (a fuzzer may ask for a million steps; that is slow, not a
    /// bug); train blocks get made-up series of the right shape (every metric of every run for every
    /// epoch, a shorter series and a NaN for a diverged run), which is what the figure code sees.
    public static func cheapResults(_ specs: [ExperimentSpec]) throws(DiagnosticList) -> [String: ExperimentResult] {
        var results: [String: ExperimentResult] = [:]
        var problems: [Diagnostic] = []
        for spec in specs {
            switch spec.body {
            case .train(let train):
                guard train.training.epochs <= 2_000, train.runs.count * train.metrics.count * train.training.epochs <= 50_000 else { continue }
                results[spec.id] = syntheticResult(spec.id, train)
            case .trace(let trace):
                guard trace.stepCount * max(1, trace.params.count) * max(1, trace.runs.count) <= 20_000 else { continue }
                run(spec, into: &results, problems: &problems)
            case .landscape(let landscape):
                guard landscape.steps * max(1, landscape.runs.count) <= 20_000 else { continue }
                run(spec, into: &results, problems: &problems)
            case .schedule(let schedule):
                let steps = schedule.steps
                let count: Int = switch steps {
                case .list(let list): list.count
                case let .range(from, to, every): every > 0 && to >= from ? (to - from) / every + 1 : 0
                }
                let last: Int = switch steps {
                case .list(let list): list.max() ?? 0
                case .range(_, let to, _): to
                }
                guard count <= 5_000, schedule.schedulers.isEmpty || last * schedule.schedulers.count <= 50_000 else { continue }
                run(spec, into: &results, problems: &problems)
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return results
    }

    private static func run(_ spec: ExperimentSpec, into results: inout [String: ExperimentResult], problems: inout [Diagnostic]) {
        do {
            results.merge(try ExperimentRunner(cache: nil, useCache: false).run([spec])) { _, new in new }
        } catch {
            problems += error.diagnostics
        }
    }

    static func syntheticResult(_ id: String, _ train: TrainSpec) -> ExperimentResult {
        let epochs = max(1, train.training.epochs)
        let runs = train.runs.enumerated().map { r, run -> RunResult in
            let diverged = r % 3 == 2
            let length = diverged ? epochs / 2 : epochs
            var series: [String: [[Double]]] = [:]
            for (m, metric) in train.metrics.enumerated() {
                series[metric.rawValue] = (0..<length).map { e in
                    if diverged && e == length - 1 { return [.nan] }
                    return [Double(m + 1) / Double(r + 2) / Double(e + 1) + 0.001 * Double(e % 7)]
                }
            }
            return RunResult(label: run.label, series: series,
                             divergence: diverged ? Divergence(epoch: length + 1, step: 1) : nil)
        }
        return ExperimentResult(id: id, axis: "epoch", positions: Array(1...epochs), runs: runs)
    }
}
