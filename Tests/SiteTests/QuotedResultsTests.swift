import Diagnostics
import Experiments
import Foundation
import Testing
@testable import Site
import TestSupport

/// Results quoted across lessons in a real build: the experiments fixture's lesson `lab/results` quoted by a
/// lesson of a second module, `more/quoting` (as module 2 quotes module 1): the number is the other page's,
/// linked to its figure by a relative link the link checker accepts; checks quote too; and each lesson's
/// blocks run once however many pages need them.
@Suite struct QuotedResultsTests {
    static let quoting = "content/more/quoting.md"

    /// The experiments fixture with a second module whose lesson is `body` (after a four-line front matter).
    static func site(_ body: String) throws -> SiteTest {
        let site = try SiteTest(fixture: "experiments")
        try site.write("sitegen.yml", try site.read("sitegen.yml") + "  - slug: more\n    title: More\n")
        try site.write(quoting, "---\ntitle: Quoting\nsummary: Quotes the results lesson.\n---\n" + body)
        return site
    }

    static let prose = """
        ## Looking back

        SGD ended at {{ lab/results#tiny-train["SGD"].test_mae | .4f }} minutes there.

        """

    /// A block of the quoting lesson whose check quotes the other lesson.
    static func block(check: String) -> String {
        """
        ```experiment
        id: own
        kind: schedule
        steps: [1, 2]
        columns:
          - {name: one, expr: "1"}
        checks:
          - "\(check)"
        ```

        """
    }

    @Test func aQuotedResultIsTheOtherPagesNumberLinkedToItsFigure() throws {
        let site = try Self.site(Self.prose)
        defer { site.remove() }
        try site.build()
        let results = try site.output("lab/results/index.html")
        let number = try #require(results.firstMatch(of: /SGD ends at <span class="inline-result" title="[^"]*">([0-9.]+)<\/span>/)?.1)
        #expect(results.contains("<figure class=\"experiment\" id=\"experiment-tiny-train\">"))
        let html = try site.output("more/quoting/index.html")
        #expect(html.contains("SGD ended at <a class=\"inline-result\" href=\"../../lab/results/index.html#experiment-tiny-train\" "
            + "title=\"lab/results#tiny-train[&quot;SGD&quot;].test_mae\">\(number)</a> minutes there."))
        // `sitegen check` follows the link to the page and finds the anchor.
        let report = try SiteCheck(paths: site.paths, options: site.options).run()
        #expect(report.problems == [])
        #expect(report.warnings.filter { $0.message.contains("results/index.html") } == [])
    }

    @Test func aCheckQuotesAnotherLesson() throws {
        let site = try Self.site(Self.block(check: "lab/results#tiny-schedule.double[3] == 6 * one[1]") + Self.prose)
        defer { site.remove() }
        try site.build()
        #expect(try site.output("more/quoting/index.html").contains("1 claim checked"))

        try site.write(Self.quoting, try site.read(Self.quoting).replacingOnce("== 6 * one[1]", with: "== 7 * one[1]"))
        #expect(site.buildFailure().map(\.description) == [
            "content/more/quoting.md:12:6: error: check failed: lab/results#tiny-schedule.double[3] == 7 * one[1]; left side = 6, right side = 7",
        ])
    }

    @Test func eachLessonsBlocksRunOnceThoughAnotherLessonQuotesThem() throws {
        let site = try Self.site(Self.block(check: "lab/results#tiny-train['Adam'].test_mae > 0") + Self.prose)
        defer { site.remove() }
        let runs = RunLog()
        let stages = SiteBuilder.defaultStages(cache: nil).map { stage -> any LessonStage in
            guard stage is RunExperiments else { return stage }
            return RunExperiments(runner: { specs, context throws(DiagnosticList) in
                runs.add(specs.map(\.id))
                return try LessonExperiments.run(specs, cache: nil, options: context.options)
            })
        }
        try SiteBuilder(paths: site.paths, options: site.options, stages: stages).build()
        #expect(runs.blocks.filter { !$0.isEmpty }.sorted { $0.count < $1.count } == [["own"], ["tiny-schedule", "tiny-trace", "tiny-train"]])
    }
}

/// The blocks each call of an experiment runner was given, from any thread.
private final class RunLog: @unchecked Sendable {
    private let lock = NSLock()
    private var calls: [[String]] = []

    func add(_ ids: [String]) {
        lock.lock(); calls.append(ids); lock.unlock()
    }

    var blocks: [[String]] {
        lock.lock(); defer { lock.unlock() }
        return calls
    }
}
