import Diagnostics
import Foundation
import Testing
@testable import Site

/// `sitegen check` reads lessons for findings the numbers do not guard: a sentence next to an experiment that
/// states a number or a comparison and quotes no result is a warning (`--strict`: an error); a sentence that
/// quotes a result, or is marked `<!-- no-claim -->`, or is far from any experiment, is not.
@Suite struct UnguardedClaimsTests {
    static let block = """
        ## Halving

        ```experiment
        id: halves
        kind: schedule
        steps: [1, 2, 3]
        columns:
          - {name: half, expr: "1 / 2^t"}
        ```

        """

    func report(_ body: String, strict: Bool = false) throws -> LinkCheckReport {
        let site = try SiteTest(fixture: "basic")
        defer { site.remove() }
        try site.write("content/intro/first.md", "---\ntitle: First\n---\n" + body)
        return try SiteCheck(paths: site.paths, options: site.options, strict: strict).run()
    }

    func claims(_ report: LinkCheckReport) -> [String] {
        (report.warnings + report.claims).filter { $0.message.hasPrefix("unguarded claim") }.map(\.description)
    }

    @Test func aNumberOrComparisonNextToAnExperimentIsReported() throws {
        let found = claims(try report(Self.block + "The column ends near 0.12 at step 3. It falls faster than a third.\n\nAnother paragraph, still about the figure, is lowest.\n"))
        #expect(found == [
            "content/intro/first.md:13:1: warning: unguarded claim (states 0.12) next to an experiment: \"The column ends near 0.12 at step 3.\"; quote the number with {{ }}, or guard it with a check and mark the sentence <!-- no-claim: checked -->, or mark it <!-- no-claim --> if it is not a finding",
            "content/intro/first.md:13:1: warning: unguarded claim (says 'faster') next to an experiment: \"It falls faster than a third.\"; quote the number with {{ }}, or guard it with a check and mark the sentence <!-- no-claim: checked -->, or mark it <!-- no-claim --> if it is not a finding",
            "content/intro/first.md:15:1: warning: unguarded claim (says 'lowest') next to an experiment: \"Another paragraph, still about the figure, is lowest.\"; quote the number with {{ }}, or guard it with a check and mark the sentence <!-- no-claim: checked -->, or mark it <!-- no-claim --> if it is not a finding",
        ])
    }

    /// A marker that starts a line makes markdown read the line as raw HTML (its markdown shown as typed, the
    /// paragraph cut in two): the build refuses it where it stands, in a paragraph, at a paragraph's start or in a
    /// list item, and takes it after a word or a full stop.
    @Test func aMarkerStartingALineIsABuildError() throws {
        let site = try SiteTest(fixture: "basic")
        defer { site.remove() }
        try site.write("content/intro/first.md", """
            ---
            title: First
            ---
            A sentence that ends here.
            <!-- no-claim -->The `next` one would lose its code.

            <!--no-claim: checked -->At a paragraph's start.

            - An item.
              <!-- no-claim -->In a list.

            <!-- a plain comment -->
            """)
        let messages = site.buildFailure().map(\.description)
        #expect(messages.count == 3)
        #expect(messages.map { $0.prefix(while: { $0 != " " }) } == [
            "content/intro/first.md:5:1:", "content/intro/first.md:7:1:", "content/intro/first.md:10:3:",
        ])
        #expect(messages.allSatisfy { $0.contains("error: a <!-- no-claim --> marker starts this line") })

        try site.write("content/intro/first.md", """
            ---
            title: First
            ---
            A sentence that ends here. <!-- no-claim -->The
            `next` one keeps its code.

            At <!--no-claim: checked -->a paragraph's start.
            """)
        try site.build()
        let page = try site.read("public/intro/first/index.html")
        #expect(page.contains("<code>next</code> one keeps its code."))
        #expect(!page.contains("`next`"))
    }

    @Test func quotedResultsMarkedSentencesAndDistantProseAreNot() throws {
        let body = Self.block + """
            The column ends at {{ halves.half[3] | .3f }} after 3 steps. <!-- no-claim: arithmetic -->It has 3 rows.

            ## Elsewhere

            Plain prose far from any experiment may say 40 % and lowest.

            """
        #expect(claims(try report(body)).isEmpty)
    }

    @Test func nearMeansWithinOneSentenceOfAResultOrFigure() throws {
        let body = """
            ## Text

            Intro with 3 apples. See @fig:halves for the curve. Then 4 pears follow. Far away: 5 plums.

            """ + Self.block
        let found = claims(try report(body))
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.contains("states 3") || $0.contains("states 4") })
    }

    @Test func strictMakesThemErrors() throws {
        let strict = try report(Self.block + "It is lower.\n", strict: true)
        #expect(strict.claims.map(\.severity) == [.error])
        #expect(strict.warnings.filter { $0.message.hasPrefix("unguarded claim") }.isEmpty)
        let lenient = try report(Self.block + "It is lower.\n")
        #expect(lenient.claims.isEmpty)
    }
}
