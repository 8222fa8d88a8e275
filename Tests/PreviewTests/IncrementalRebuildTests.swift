import Foundation
import Site
import Testing
@testable import Preview
import TestSupport

/// `rebuildOnChange` reuses cached experiment results: a prose edit reruns no experiment, an edit to
/// one experiment reruns only that one.
@Suite struct IncrementalRebuildTests {
    @Test func proseEditRerunsNoExperimentAndAnExperimentEditOnlyItself() async throws {
        let site = try PreviewFixture()
        for slug in ["warm-a", "warm-b"] {
            _ = try LessonScaffold(paths: site.paths).create("intro/\(slug)")
        }
        // Results are cached by content, so the two blocks must differ to be two experiments.
        try site.write("content/intro/warm-b.md", try site.read("content/intro/warm-b.md").replacingOnce("warmup: 5}", with: "warmup: 3}"))
        let rebuilder = site.rebuilder
        let watcher = rebuilder.watcher(interval: .milliseconds(50))
        let before = watcher.snapshot()
        guard case let .built(_, _, _, run, cached) = await rebuilder.build() else {
            Issue.record("the first build failed")
            return
        }
        #expect(run == 2, "experiments run")
        #expect(cached == 0, "experiments from the cache")

        let (outcomes, continuation) = AsyncStream.makeStream(of: BuildOutcome.self)
        let loop = Task {
            await rebuilder.rebuildOnChange(watcher: watcher, from: before) { outcome, _ in continuation.yield(outcome) }
        }
        defer { loop.cancel() }
        var iterator = outcomes.makeAsyncIterator()

        try site.write("content/intro/warm-a.md", try site.read("content/intro/warm-a.md") + "\nOne more sentence of prose.\n")
        guard case let .built(_, _, _, run1, cached1)? = await iterator.next() else {
            Issue.record("the rebuild after a prose edit failed")
            return
        }
        #expect(run1 == 0, "experiments rerun after a prose edit")
        #expect(cached1 == 2)
        #expect(try site.read("public/intro/warm-a/index.html").contains("One more sentence of prose."))

        let edited = try site.read("content/intro/warm-b.md").replacingOnce("warmup: 3}", with: "warmup: 4}")
        try site.write("content/intro/warm-b.md", edited)
        guard case let .built(_, _, _, run2, cached2)? = await iterator.next() else {
            Issue.record("the rebuild after an experiment edit failed")
            return
        }
        #expect(run2 == 1, "experiments rerun after an experiment edit")
        #expect(cached2 == 1)
        // warm-up over 4 steps: step 2 is lr · 3/4.
        #expect(try site.read("public/intro/warm-b/index.html").contains("<td class=\"num\">0.000750</td>"))
    }
}
