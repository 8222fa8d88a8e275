import Diagnostics
import Escaping
import Experiments
import Foundation
import Markdown

/// Runs the lesson's ```` ```experiment ```` blocks through the numeric core (reusing cached results),
/// replaces each with its figure (table, chart, caption, CSV link, and a link to the script it
/// reproduces, published beside the page), checks every claim, and fills in the inline results
/// (`{{ block["run"].metric | .4f }}`) cut out of the prose. Checks and inline results may quote other
/// lessons' blocks (`QuotedLessons`); such an inline result links to the figure it quotes. Blocks are read and run through
/// `LessonExperiments`, as `sitegen verify` and `sitegen bench` read and run them.
public struct RunExperiments: LessonStage {
    public let name = "experiments"

    /// Computes the results of a lesson's blocks, by id.
    public typealias Runner = @Sendable (_ specs: [ExperimentSpec], _ context: BuildContext) throws(DiagnosticList) -> [String: ExperimentResult]

    private let runner: Runner

    /// The build's stage: blocks run with the build's options, their results kept in `cache` (shared by
    /// every build of one `SiteBuilder`, and so by a preview server's rebuilds).
    public init(cache: ResultCache? = nil) {
        self.runner = { specs, context throws(DiagnosticList) in
            try LessonExperiments.run(specs, cache: cache, options: context.options)
        }
    }

    /// The stage with results from elsewhere (the fuzzers use it to skip minutes of training); everything
    /// after the run (figures, checks, inline results) is the same.
    public init(runner: @escaping Runner) {
        self.runner = runner
    }

    public func run(_ lesson: inout Lesson, in context: BuildContext) throws(DiagnosticList) {
        var problems: [Diagnostic] = []
        let found = try LessonExperiments.blocks(in: lesson.blocks)
        let specs = found.map(\.spec)
        let blockIndex = Dictionary(found.map { ($0.spec.id, $0.index) }, uniquingKeysWith: { first, _ in first })

        // The scripts the figures link to are published beside the page; a wrong name fails before
        // anything is trained.
        // Resolved only when a block names a script.
        lazy var folder = LessonFolder(of: lesson.absolutePath, contentRoot: context.paths.content)
        var published: Set<String> = []   // blocks often share a script: read each once
        for spec in specs {
            guard let source = spec.source, !published.contains(source) else { continue }
            do throws(Diagnostic) {
                let text = try IncludeFiles.read(.source(source), from: folder, at: spec.sourceLocation ?? spec.location,
                                                 display: context.paths.display)
                let name = (source as NSString).lastPathComponent
                if !lesson.attachments.contains(where: { $0.name == name }) {
                    lesson.attachments.append(Lesson.Attachment(name: name, contents: text))
                }
                published.insert(source)
            } catch {
                problems.append(error)
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }

        // Run once per build, here or by another lesson that quotes this one (`SiteResults`).
        let byID = Self.byID(specs)
        let results = try context.results.results(of: SiteResults.path(of: lesson)) { () throws(DiagnosticList) in
            SiteResults.Computed(results: try runner(specs, context), specs: byID)
        }.results
        // Other lessons' blocks quoted in prose and checks.
        let quoted = try QuotedLessons(QuotedLessons.uses(spans: lesson.spans, specs: specs), of: lesson, in: context) { other throws(DiagnosticList) in
            let otherSpecs = try LessonExperiments.specs(of: other, in: context)
            return SiteResults.Computed(results: try runner(otherSpecs, context), specs: Self.byID(otherSpecs))
        }
        lesson.quotedBlocks = quoted.blocks
        let otherLessons = quoted.lookup
        let targets = zip(1..., specs).map { number, spec in CrossReferenceTarget.figure(id: spec.id, number: number) }
        // The figures are drawn on every core (their tables, charts and CSV files are the last work of a cold build
        // after the training), and used in the lesson's order.
        let figures = Array(zip(specs, targets.map(\.label))).concurrentMap { spec, label in
            Result { () throws(DiagnosticList) in
                try ExperimentFigure.render(spec, results: results, specs: byID, label: label, otherLessons: otherLessons)
            }
        }
        for ((spec, target), figure) in zip(zip(specs, targets), figures) {
            problems += DivergenceCheck.diagnostics(spec, result: results[spec.id])
            lesson.crossReferenceTargets[target.key] = target
            switch figure {
            case .success(let figure):
                if let index = blockIndex[spec.id] {
                    lesson.blocks[index].kind = .rawHTML(figure.html)
                }
                lesson.attachments.append(Lesson.Attachment(name: figure.csvName, contents: figure.csv))
            case .failure(let error):
                problems += error.diagnostics
            }
        }
        var rendered: [Int: String] = [:]
        let resolver = ResultResolver(results: results, specs: byID, current: nil, otherLessons: otherLessons)
        let page = PageLinks(page: PageContext.pagePath(of: lesson))
        for (index, span) in lesson.spans.enumerated() {
            guard let reference = span.reference else { continue }
            var link: String?
            if case .success(let parsed) = reference { link = quoted.link(for: parsed.expression, from: page) }
            do {
                rendered[index] = try Self.inlineResult(reference, at: span.location, resolver: resolver, link: link)
            } catch {
                problems.append(error)
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        if !rendered.isEmpty { SpanReplacement.replace(in: &lesson.blocks) { rendered[$0] } }
    }

    /// A lesson's specs by id (ids are unique on a page: `LessonExperiments.blocks` checks it).
    static func byID(_ specs: [ExperimentSpec]) -> [String: ExperimentSpec] {
        Dictionary(specs.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// `{{ expr | format }}` → `<span class="inline-result" title="expr">3.2816</span>`, or with `link` (a
    /// result quoted from another lesson: its figure there) `<a class="inline-result" href="…" title="expr">`.
    /// `location` is where the text between the braces starts; the reference was read from it when the
    /// spans were cut out.
    static func inlineResult(_ reference: Result<InlineReference, ExpressionError>, at location: SourceLocation,
                             resolver: ResultResolver, link: String? = nil) throws(Diagnostic) -> String {
        func located(_ error: ExpressionError) -> Diagnostic {
            var at = location
            at.column += max(0, error.offset)
            return .error(at: at, "inline result: \(error.message)")
        }
        let parsed: InlineReference
        switch reference {
        case .success(let value): parsed = value
        case .failure(let error): throw located(error)
        }
        let value: Value
        do {
            value = try parsed.expression.evaluate(using: resolver)
        } catch {
            throw located(error)
        }
        let text = value.formatted(with: parsed.format)
        let title = HTMLEscape.escape(parsed.expression.description)
        if let link {
            return "<a class=\"inline-result\" href=\"\(HTMLEscape.escape(link))\" title=\"\(title)\">\(HTMLEscape.escape(text))</a>"
        }
        return "<span class=\"inline-result\" title=\"\(title)\">\(HTMLEscape.escape(text))</span>"
    }
}
