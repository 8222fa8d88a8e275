import Diagnostics
import Experiments
import Foundation
import Markdown

/// `sitegen verify`: runs each Python script that experiment blocks name as their `source`, reads the
/// numbers it prints, and compares them cell by cell with the tables sitegen computed. A cell agrees
/// when the printed digits are equal, or when it is within the relative tolerance; anything else is
/// a mismatch. This is how an author proves the page's numbers are what its code prints.
public struct ScriptVerifier {
    public var paths: BuildPaths
    public var python: String
    /// Relative tolerance for figures whose printed digits differ (documented in the README).
    public var tolerance: Double
    public var log: (String) -> Void
    /// What prints the numbers: each script run on its own, or the lesson's notebook run cell by cell.
    public var runs: Runs = .scripts
    /// With `--spread`: the code paths each script also runs under (`CodePath.spread`); empty for one run per
    /// script. The first must be the default path, which the tables are compared with.
    public var codePaths: [CodePath] = []
    /// With `--lesson`: only the lessons whose slug, module slug or `module/lesson` is this.
    public var lesson: String?

    public enum Runs: Sendable {
        /// `python script.py` in the lesson's folder, once per script.
        case scripts
        /// The lesson's `.ipynb`, as the build writes it, run in order in an empty folder (`NotebookRun`).
        case notebooks
    }

    public init(paths: BuildPaths, python: String, tolerance: Double, runs: Runs = .scripts,
                log: @escaping (String) -> Void) {
        self.paths = paths
        self.python = python
        self.tolerance = tolerance
        self.runs = runs
        self.log = log
    }

    public struct Summary: Sendable {
        public var compared = 0
        public var exact = 0
        public var withinTolerance = 0
        public var mismatched = 0
        public var largestDeviation = 0.0
        public var skipped: String?
        /// With `--notebooks`: tables of several seeds, which only the scripts' run compares.
        public var seededBlocksLeftToScripts = 0
        /// With `--spread`: every figure under every code path.
        public var spread: [FigureSpread] = []
        /// With `--spread`: the report (`CodePathSpread.report`), one line each.
        public var spreadReport: [String] = []
    }

    /// Whether `python` can import torch, numpy and scikit-learn.
    public func librariesAvailable() -> Bool {
        (try? run([python, "-c", "import torch, numpy, sklearn"], in: paths.root, timeout: 120))?.status == 0
    }

    public func verify(includeDrafts: Bool) throws(DiagnosticList) -> Summary {
        var summary = Summary()
        guard librariesAvailable() else {
            summary.skipped = "\(python) cannot import torch, numpy and scikit-learn (run `make verify`, which creates a venv with them)"
            return summary
        }
        let content = try ContentLoader(paths: paths, includeDrafts: includeDrafts).load()
        let cache = LessonExperiments.cache(paths)
        let context = BuildContext(paths: paths, options: BuildOptions(includeDrafts: includeDrafts), site: content.config)
        var problems: [Diagnostic] = []
        // The notebooks exactly as the build writes them.
        let site = runs == .notebooks ? try SiteBuilder(paths: paths, options: context.options).render().tree : nil
        let lessons = content.modules.flatMap(\.lessons).filter { lesson in
            self.lesson.map { $0 == lesson.slug || $0 == lesson.moduleSlug || $0 == "\(lesson.moduleSlug)/\(lesson.slug)" } ?? true
        }
        if let name = self.lesson, lessons.isEmpty {
            let known = content.modules.flatMap(\.lessons).map { "\($0.moduleSlug)/\($0.slug)" }
            throw DiagnosticList([.error(at: nil, "--lesson \(name) names no lesson; lessons: \(known.joined(separator: ", "))")])
        }
        for lesson in lessons {
            let specs = try LessonExperiments.specs(of: lesson, in: context)
            let results = try LessonExperiments.run(specs, cache: cache, options: context.options)
            let byID = Dictionary(specs.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let folder = (lesson.absolutePath as NSString).deletingLastPathComponent
            var outputs: [String: [String]] = [:]
            // With --spread: what each code path printed (the default path's is `outputs`), and where each read.
            var pathOutputs: [String: [[String]]] = [:]
            var pathCursors: [String: [Int]] = [:]
            // Blocks that share a script read its output in document order, each after the last.
            var cursors: [String: Int] = [:]
            var notebook: [NotebookRun.CellOutput]?
            for spec in specs where spec.table != nil {
                guard let script = spec.source else { continue }
                let arguments = Self.arguments(script, for: spec)
                if case .train(let train) = spec.body, let seeds = train.seeds, site != nil {
                    // The notebook runs each script as written, with its one default seed: a table
                    // of means across seeds is checked by the scripts' run, not by the notebook's.
                    summary.seededBlocksLeftToScripts += 1
                    log("  \(spec.id): a table of \(seeds.count) seeds; the notebook runs one (checked by `sitegen verify` without --notebooks)")
                    continue
                }
                let source = arguments.joined(separator: " ")
                if let site, outputs[source] == nil {
                    if notebook == nil {
                        let name = PageContext.lessonPath(lesson) + LessonNotebook.fileName(lesson)
                        do {
                            notebook = try runNotebook(site[name] ?? "", named: name)
                        } catch {
                            problems.append(.error(at: spec.location, "cannot run the notebook \(name): \(error)"))
                            notebook = []
                        }
                    }
                    let text = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(script))
                        .map { String(decoding: $0, as: UTF8.self) } ?? ""
                    guard let lines = NotebookRun.output(of: text, in: notebook ?? []) else {
                        problems.append(.error(at: spec.location, "the lesson's notebook has no cell that runs \(script): show the script in the lesson with ```python file=\"\(script)\"```, and do not import it from another script"))
                        outputs[source] = []
                        continue
                    }
                    outputs[source] = lines
                }
                if outputs[source] == nil {
                    log("running \(paths.display((folder as NSString).appendingPathComponent(source))) …")
                    do {
                        let result = try run([python] + arguments, in: folder, timeout: 3600)
                        guard result.status == 0 else {
                            problems.append(.error(at: spec.location, "\(source) exited with status \(result.status): \(result.errors.suffix(400))"))
                            outputs[source] = []
                            continue
                        }
                        outputs[source] = result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                    } catch {
                        problems.append(.error(at: spec.location, "cannot run \(source): \(error)"))
                        outputs[source] = []
                        continue
                    }
                    // The other code paths: what they print is measured, not compared (a failure is reported).
                    if site == nil, !codePaths.isEmpty {
                        pathOutputs[source] = [outputs[source] ?? []] + codePaths.dropFirst().map { path in
                            log("running \(source) under \(path.name) …")
                            do {
                                let result = try run([python] + arguments, in: folder, environment: path.environment, timeout: 3600)
                                guard result.status == 0 else {
                                    problems.append(.error(at: spec.location, "\(source) under \(path.name) exited with status \(result.status): \(result.errors.suffix(400))"))
                                    return []
                                }
                                return result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                            } catch {
                                problems.append(.error(at: spec.location, "cannot run \(source) under \(path.name): \(error)"))
                                return []
                            }
                        }
                    }
                }
                let cells: [[ResultTable.Cell]]
                do { cells = try ExperimentFigure.tableCells(spec, results: results, specs: byID) } catch {
                    problems.append(error)
                    continue
                }
                problems += compare(spec, cells: cells, output: outputs[source] ?? [], cursor: &cursors[source, default: 0],
                                    summary: &summary)
                if let printed = pathOutputs[source] {
                    summary.spread += CodePathSpread.figures(spec, cells: cells, outputs: printed, cursors: &pathCursors[source, default: []])
                }
            }
        }
        if !codePaths.isEmpty {
            summary.spreadReport = CodePathSpread.report(summary.spread, paths: codePaths)
            // A mismatch fails the run; the spread measured on the way is still said.
            if !problems.isEmpty { summary.spreadReport.forEach { log("verify: " + $0) } }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return summary
    }

    /// The command line of a block's script: `script.py`, and for a block with seeds (a sweep's too, every point
    /// repeated with them) `script.py --seeds 42,43,44`.
    static func arguments(_ script: String, for spec: ExperimentSpec) -> [String] {
        guard case .train(let train) = spec.body, let seeds = train.seeds else { return [script] }
        return [script, "--seeds", seeds.map(String.init).joined(separator: ",")]
    }

    /// Compares one table with the script's output, row by row.
    func compare(_ spec: ExperimentSpec, cells: [[ResultTable.Cell]], output: [String], cursor: inout Int,
                 summary: inout Summary) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for row in cells {
            guard let key = row.first?.text else { continue }
            guard let (line, index) = PrintedNumbers.line(for: key, in: output, from: cursor) else {
                problems.append(.error(at: spec.location, "\(spec.source ?? "the script") printed no line for '\(key)' of '\(spec.id)'"))
                continue
            }
            cursor = index + 1
            // A diverged row (a sweep's point past the stable learning rates) has no numbers: the script must say so too.
            if let diverged = row.first(where: { $0.value == nil && $0.text.hasPrefix("diverged") }) {
                summary.compared += 1
                if line.contains(diverged.text) {
                    summary.exact += 1
                } else if line.contains("diverged") {
                    summary.withinTolerance += 1
                    log("  \(spec.id) · \(key): sitegen \(diverged.text), the script printed \(line.trimmingCharacters(in: .whitespaces))")
                } else {
                    summary.mismatched += 1
                    problems.append(.error(at: spec.location, "'\(spec.id)' row '\(key)': sitegen shows '\(diverged.text)' but the script printed: \(line.trimmingCharacters(in: .whitespaces))"))
                }
                continue
            }
            let printed = PrintedNumbers.numbers(in: line)
            let numbers = Self.numbers(of: row)
            let ours = numbers.map(\.value), scales = numbers.map(\.scale)
            guard printed.count == ours.count else {
                problems.append(.error(at: spec.location, "'\(spec.id)' row '\(key)': the table has \(ours.count) numbers but the script printed \(printed.count): \(line.trimmingCharacters(in: .whitespaces))"))
                continue
            }
            for ((value, number), scale) in zip(zip(ours, printed), scales) {
                summary.compared += 1
                if Self.digitEqual(value, number) {
                    summary.exact += 1
                    continue
                }
                let deviation = abs(value - number.value) / max(scale ?? abs(number.value), .leastNonzeroMagnitude)
                summary.largestDeviation = max(summary.largestDeviation, deviation)
                if deviation <= tolerance {
                    summary.withinTolerance += 1
                    log("  \(spec.id) · \(key): sitegen \(value) vs printed \(number.text) (\(String(format: "%.2e", deviation)) relative, within tolerance)")
                } else {
                    summary.mismatched += 1
                    problems.append(.error(at: spec.location, "'\(spec.id)' row '\(key)': sitegen has \(value), the script printed \(number.text) (\(String(format: "%.2e", deviation)) relative, above the tolerance \(tolerance))"))
                }
            }
        }
        return problems
    }

    /// One number a table row stands for: its value, the scale it is judged against (nil: itself), and the cell
    /// (column) it comes from.
    struct RowNumber {
        var value: Double
        var scale: Double?
        var column: Int
    }

    /// The numbers a table row stands for, in the order a script prints them (a cell of several seeds gives its mean
    /// and its ±). A spread over seeds is judged against its mean: a standard deviation of values that agree to 1e-4
    /// can differ by a percent of itself, and that is no disagreement about the figure.
    static func numbers(of row: [ResultTable.Cell]) -> [RowNumber] {
        row.enumerated().dropFirst().flatMap { column, cell -> [RowNumber] in
            if let spread = cell.spread, case .number(let mean)? = cell.value {
                return [RowNumber(value: mean, scale: nil, column: column), RowNumber(value: spread, scale: abs(mean), column: column)]
            }
            let values: [Double]
            switch cell.value {
            case .number(let x)?: values = [x]
            case .series(let s)?: values = s.values.last.map { [$0] } ?? []
            case .vector(let v)?: values = v
            default: values = []
            }
            return values.map { RowNumber(value: $0, scale: nil, column: column) }
        }
    }

    /// Whether `value` equals the printed number to its printed digits (within half a unit of its last digit).
    static func digitEqual(_ value: Double, _ number: PrintedNumbers.Number) -> Bool {
        abs(value - number.value) <= halfUnit(of: number)
    }

    /// Half a unit of the last printed digit: how far the value printed may lie from the printed text.
    static func halfUnit(of number: PrintedNumbers.Number) -> Double {
        0.5 * pow(10, Double(-number.decimals)) * (1 + 1e-9)
    }

    /// Runs the notebook `json` in a fresh temporary folder and cuts what it printed into its cells.
    func runNotebook(_ json: String, named name: String) throws -> [NotebookRun.CellOutput] {
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("sitegen-notebook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = (folder as NSString).appendingPathComponent("lesson.ipynb")
        try Data(json.utf8).write(to: URL(fileURLWithPath: file))
        log("running the notebook \(name) …")
        let result = try run([python, "-c", NotebookRun.driver, file], in: folder, timeout: 3600)
        guard result.status == 0 else {
            throw NotebookRun.Failure(message: "exited with status \(result.status): \(result.errors.suffix(400))")
        }
        return NotebookRun.cells(notebook: json, output: result.output) ?? []
    }

    func run(_ arguments: [String], in folder: String, environment: [String: String] = [:], timeout: TimeInterval) throws -> ExternalProcess.Result {
        try ExternalProcess.run(arguments, in: folder, environment: environment, timeout: timeout)
    }
}
