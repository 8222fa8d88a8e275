import Diagnostics
import Experiments
import Foundation
import Markdown
import MathML
import Site

/// The code under fuzzing, one entry per fuzzer (`Sources/fuzz-*`, built by `scripts/fuzz.sh`) and
/// replayed by `FuzzRegressionTests` over the kept corpus. Each entry takes the raw bytes of an input
/// and runs them through the real parser or pipeline. A thrown diagnostic is the expected answer to a
/// bad input; a crash, a trap or a hang is a bug. Each entry also checks a few invariants that the
/// types cannot (an error offset inside the formula, balanced MathML tags) and traps when one breaks,
/// so the fuzzer reports it like a crash.
public enum FuzzTargets {
    /// What one input produced.
    public enum Outcome: Equatable, Sendable {
        /// Accepted: a summary of the output (its length in UTF-8 bytes, and for the spec target the id).
        case accepted(String)
        /// Rejected with these diagnostics (at least one).
        case rejected([String])

        public var isAccepted: Bool {
            if case .accepted = self { return true }
            return false
        }
    }

    /// The fuzzers, by the names `scripts/fuzz.sh` and the corpus folders use.
    public static let names = ["spec", "lesson", "tex", "template", "writer"]

    public static func run(_ name: String, _ bytes: [UInt8]) -> [Outcome] {
        switch name {
        case "spec": return [spec(bytes)]
        case "lesson": return [lesson(bytes)]
        case "tex": return tex(bytes)
        case "template": return [template(bytes)]
        case "writer": return [writer(bytes)]
        default: fatalError("unknown fuzz target \(name)")
        }
    }

    // MARK: 1. Experiment spec

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

    // MARK: 2. Front matter and markdown pipeline

    static let siteConfig: SiteConfig = {
        do {
            return try SiteConfig.parse("title: Fuzz\nbase_url: /courses/ml/\nmodules: [fuzz]\n", file: "sitegen.yml")
        } catch {
            fatalError("fuzz site config: \(error)")
        }
    }()

    /// Where the fuzzed lesson pretends to live: a folder that does not exist, so `IncludeFiles` runs
    /// its checks and reports a missing file instead of reading anything.
    static let root = "/nonexistent-sitegen-fuzz"

    /// `SiteBuilder.defaultStages`, in order, with experiments run by `cheapResults` instead of training.
    static let stages: [any LessonStage] = SiteBuilder.defaultStages.map { stage in
        stage is RunExperiments ? RunExperiments(runner: { specs, _ throws(DiagnosticList) in try cheapResults(specs) }) : stage
    }

    /// A lesson file's bytes as the build reads them: UTF-8 check, line endings, front matter split and
    /// YAML decode (`ContentLoader.lesson`), then every lesson stage of `SiteBuilder` in order (markdown
    /// with cmark-gfm, protected math and inline results, links under a base path, includes, experiment
    /// blocks and inline results, MathML, code highlighting, callouts, heading ids), then the page body
    /// as HTML, the table of contents, reading time and date. The page templates are not rendered.
    public static func lesson(_ bytes: [UInt8]) -> Outcome {
        var lesson: Lesson
        do {
            lesson = try ContentLoader.lesson(from: Data(bytes), slug: "fuzz", module: "fuzz",
                                              sourcePath: "content/fuzz/fuzz.md",
                                              absolutePath: root + "/content/fuzz/fuzz.md")
        } catch {
            return rejected([error])
        }
        let paths = BuildPaths(root: root)
        let context = BuildContext(paths: paths, options: BuildOptions(), site: siteConfig, cache: nil)
        for stage in stages {
            do {
                try stage.run(&lesson, in: context)
            } catch {
                return rejected(error.diagnostics)
            }
        }
        let html = HTMLRenderer().render(lesson.blocks)
        var summary = html.utf8.count + lesson.toc.count + lesson.readingTime
        summary += lesson.frontMatter.displayDate?.count ?? 0
        summary += lesson.attachments.reduce(0) { $0 + $1.contents.utf8.count }
        return .accepted("\(summary)")
    }

    // MARK: 3. TeX to MathML

    /// The formula as `RenderMath` converts it, inline and display. A conversion must either throw a
    /// `TeXError` whose offset lies inside the formula (the stage maps it to a column) or produce
    /// MathML whose tags balance.
    public static func tex(_ bytes: [UInt8]) -> [Outcome] {
        let tex = String(decoding: bytes, as: UTF8.self)
        return [false, true].map { (display: Bool) -> Outcome in
            do throws(TeXError) {
                let mathML = try TeXToMathML.convert(tex, display: display)
                if let problem = MarkupCheck.problem(in: mathML) {
                    fatalError("unbalanced MathML for \(tex.debugDescription) (display: \(display)): \(problem)\n\(mathML)")
                }
                return .accepted("\(mathML.utf8.count)")
            } catch {
                guard error.offset >= 0, error.offset <= tex.utf8.count else {
                    fatalError("TeXError offset \(error.offset) outside the formula (\(tex.utf8.count) bytes): \(error.message)")
                }
                return .rejected([error.message])
            }
        }
    }

    static func rejected(_ diagnostics: [Diagnostic]) -> Outcome {
        guard !diagnostics.isEmpty else { fatalError("a stage failed without a diagnostic") }
        return .rejected(diagnostics.map(\.description))
    }
}

/// A small well-formedness check for generated markup, over UTF-8 bytes (a combining mark after `>`
/// would merge with it as a Character): every `<tag>` closed in order, no `<` or `>` loose in text or
/// attribute values, every `&` starting an entity.
enum MarkupCheck {
    static func problem(in markup: String) -> String? {
        let bytes = Array(markup.utf8)
        var stack: [String] = []
        var i = 0
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: ">"):
                return "a loose '>' in text at byte \(i)"
            case UInt8(ascii: "&"):
                var j = i + 1
                while j < bytes.count, j - i < 12, isNameByte(bytes[j]) || bytes[j] == UInt8(ascii: "#") { j += 1 }
                guard j < bytes.count, bytes[j] == UInt8(ascii: ";"), j > i + 1 else { return "a loose '&' at byte \(i)" }
                i = j + 1
            case UInt8(ascii: "<"):
                guard let close = bytes[i...].firstIndex(of: UInt8(ascii: ">")) else { return "a '<' without '>' at byte \(i)" }
                let tag = bytes[(i + 1)..<close]
                if tag.contains(UInt8(ascii: "<")) { return "a '<' inside a tag at byte \(i)" }
                if tag.filter({ $0 == UInt8(ascii: "\"") }).count % 2 != 0 { return "an unclosed attribute value at byte \(i)" }
                let text = String(decoding: tag, as: UTF8.self)
                if text.hasPrefix("/") {
                    let name = String(text.dropFirst())
                    guard let top = stack.popLast() else { return "</\(name)> closes nothing" }
                    if top != name { return "</\(name)> closes <\(top)>" }
                } else if !text.hasSuffix("/") {
                    stack.append(String(text.prefix { $0 != " " }))
                }
                i = close + 1
            default:
                i += 1
            }
        }
        return stack.last.map { "<\($0)> is never closed" }
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
    }
}
