import Diagnostics
import Experiments
import Foundation

/// The other lessons a page quotes: `optimisers/optimisers#sgd-variants["SGD (lr=0.01)"].test_mae` in an
/// inline result or a check names a block of the lesson `content/optimisers/optimisers.md`. Each quoted
/// lesson is looked up once, before anything on the page is evaluated, and its results come from the
/// build's `SiteResults` (run or loaded from the cache once, whichever page asks first). An unknown lesson,
/// this lesson by its path, or a lesson whose experiments fail gives one error, at the first place that
/// names it; unknown blocks, runs and metrics are reported where they are evaluated, like on the page.
struct QuotedLessons {
    /// One reference to another lesson: where it is written, and how an error there starts.
    struct Use {
        var lesson: String
        var block: String
        var location: SourceLocation
        var context: String
    }

    /// Each quoted lesson's results, by its path.
    private(set) var found: [String: SiteResults.Computed] = [:]
    /// Each quoted lesson's page (`optimisers/optimisers/`), by its path.
    private(set) var pages: [String: String] = [:]
    /// The quoted blocks that exist, with the digests of their computations, sorted.
    private(set) var blocks: [QuotedBlock] = []

    /// Looks up every lesson `uses` name, computing its results with `compute` unless another page did.
    init(_ uses: [Use], of lesson: Lesson, in context: BuildContext,
         compute: (Lesson) throws(DiagnosticList) -> SiteResults.Computed) throws(DiagnosticList) {
        var problems: [Diagnostic] = []
        var failed: Set<String> = []
        let own = SiteResults.path(of: lesson)
        for use in uses where found[use.lesson] == nil && !failed.contains(use.lesson) {
            let path = use.lesson
            func fail(_ message: String) {
                problems.append(.error(at: use.location, "\(use.context): \(message)"))
                failed.insert(path)
            }
            if path == own {
                fail("'\(path)' is this lesson: write \(use.block)… without '\(path)#'")
                continue
            }
            guard let other = context.results.lessons[path] else {
                let known = context.results.lessons.keys.sorted().filter { $0 != own }
                let hint = DidYouMean.hint(for: path, among: known)
                fail("unknown lesson '\(path)'" + (hint.isEmpty ? "; a lesson is named by its path under content/ without '.md'"
                    + (known.first.map { ", such as '\($0)'" } ?? "") : hint))
                continue
            }
            do {
                found[path] = try context.results.results(of: path) { () throws(DiagnosticList) in try compute(other) }
                pages[path] = PageContext.lessonPath(other)
            } catch {
                fail("lesson '\(path)' fails to build, so its results cannot be quoted: fix the errors in \(other.sourcePath) first")
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        var quoted: Set<QuotedBlock> = []
        for use in uses {
            guard let spec = found[use.lesson]?.specs[use.block] else { continue }
            quoted.insert(QuotedBlock(lesson: use.lesson, block: use.block, digest: ExperimentRunner.cacheKey(spec)))
        }
        blocks = quoted.sorted()
    }

    /// What the page's resolvers read other lessons through.
    var lookup: OtherLessonResults {
        let found = self.found
        return OtherLessonResults { path throws(ReferenceError) in
            guard let computed = found[path] else { throw ReferenceError("internal: the lesson '\(path)' was not looked up") }
            return (computed.results, computed.specs)
        }
    }

    /// Where an inline result that quotes another lesson links: the figure of the first block it names
    /// of another lesson, from the page at `page` (`PageLinks`: relative, so from a host or from disk).
    func link(for expression: Experiments.Expression, from page: PageLinks) -> String? {
        for use in expression.references {
            guard let lesson = use.reference.lesson, let block = use.reference.block, let target = pages[lesson] else { continue }
            return page.to(target) + "#" + CrossReferenceTarget.figureAnchor(block)
        }
        return nil
    }

    /// Every reference to another lesson in the page's inline results and checks, in that order.
    static func uses(spans: [ProtectedSpans.Span], specs: [ExperimentSpec]) -> [Use] {
        var uses: [Use] = []
        func add(_ expression: Experiments.Expression, at site: FormulaSite, _ context: String) {
            for use in expression.references {
                guard let lesson = use.reference.lesson, let block = use.reference.block else { continue }
                uses.append(Use(lesson: lesson, block: block, location: site.location(at: use.offset), context: context))
            }
        }
        for span in spans {
            if case .success(let reference)? = span.reference { add(reference.expression, at: FormulaSite(start: span.location), "inline result") }
        }
        for spec in specs {
            for check in spec.checks { add(check.expression, at: check.site, "check cannot be evaluated") }
        }
        // In the order of the file, so a lesson's error is reported at the first place that names it.
        return uses.enumerated().sorted { a, b in
            (a.element.location.line, a.element.location.column, a.offset) < (b.element.location.line, b.element.location.column, b.offset)
        }.map(\.element)
    }
}
