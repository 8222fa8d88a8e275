import Foundation
import Testing
@testable import Site
import TestSupport

/// Long included scripts are folded after their first lines, with "Show all N lines" and the download link;
/// the whole text stays in the page, and the fence's `fold="…"` changes or switches off the limit.
@Suite struct FoldedListingTests {
    static let lesson = "content/intro/first.md"

    /// `lines` numbered lines of Python.
    static func script(_ lines: Int) -> String {
        (1...lines).map { "x\($0) = \($0)\n" }.joined()
    }

    /// The `basic` fixture whose first lesson's body is `body`, built; returns (site, page HTML).
    static func built(_ body: String, files: [String: String] = [:]) throws -> (SiteTest, String) {
        let site = try SiteTest(fixture: "basic")
        try site.write(lesson, "---\ntitle: First\n---\n" + body)
        for (name, text) in files { try site.write("content/intro/\(name)", text) }
        try site.build()
        return (site, try site.output("intro/first/index.html"))
    }

    @Test func anIncludedScriptOverTwentyFiveLinesFoldsAfterFifteen() throws {
        let (site, html) = try Self.built("```python file=\"long.py\"\n```\n", files: ["long.py": Self.script(26)])
        defer { site.remove() }
        #expect(html.contains("<div class=\"code-block code-folded\" style=\"--shown-lines:15\">\n<div class=\"code-title\"><a href=\"long.py\" download>long.py</a></div>\n<pre tabindex=\"0\""))
        #expect(html.contains("<div class=\"code-fold\"><details><summary><span class=\"fold-show\">Show all 26 lines</span><span class=\"fold-hide\">Show the first 15 lines only</span></summary></details><a href=\"long.py\" download>Download long.py</a></div>\n</div>"))
        // Every line is in the page, folded or not.
        let listing = try #require(html.firstMatch(of: /<pre [^>]*>(.*?)<\/pre>/.dotMatchesNewlines())?.1)
        #expect(listing.replacing(/<[^>]*>/, with: "") == Self.script(26))
        #expect(try site.output("intro/first/long.py") == Self.script(26))
    }

    @Test func twentyFiveLinesOrAPlainBlockStayWhole() throws {
        let (site, html) = try Self.built("```python file=\"short.py\"\n```\n\n```python\n" + Self.script(40) + "```\n",
                                          files: ["short.py": Self.script(25)])
        defer { site.remove() }
        #expect(!html.contains("code-folded"))
        #expect(!html.contains("Show all"))
    }

    @Test func theFenceChangesTheLimitOrSwitchesItOff() throws {
        let (site, html) = try Self.built("""
            ```python file="a.py" fold="no"
            ```

            ```python file="b.py" fold="40"
            ```

            ```python fold="8"
            \(Self.script(9))```

            """, files: ["a.py": Self.script(100), "b.py": Self.script(41)])
        defer { site.remove() }
        #expect(!html.contains("Show all 100 lines"))
        #expect(html.contains("<div class=\"code-block code-folded\" style=\"--shown-lines:15\">\n<div class=\"code-title\"><a href=\"b.py\" download>b.py</a></div>"))
        #expect(html.contains("Show all 41 lines"))
        // A block that is not an included file folds when its fence asks; it has no download link.
        #expect(html.contains("<div class=\"code-block code-folded\" style=\"--shown-lines:8\">\n<pre"))
        #expect(html.contains("<span class=\"fold-show\">Show all 9 lines</span><span class=\"fold-hide\">Show the first 8 lines only</span></summary></details></div>"))
        #expect(!html.contains("fold="), "the attribute is not echoed")
    }

    @Test func aFoldThatIsNotANumberOfLinesIsAnErrorAtTheFence() throws {
        let site = try SiteTest(fixture: "basic")
        defer { site.remove() }
        try site.write(Self.lesson, "---\ntitle: First\n---\nText.\n\n> ```python fold=\"many\"\n> x = 1\n> ```\n\n```python fold=\"0\"\nx = 1\n```\n")
        #expect(site.buildFailure().map(\.description) == [
            "content/intro/first.md:6:3: error: fold=\"many\" is not a number of lines: write fold=\"40\" to fold this listing when it is longer than 40 lines, or fold=\"no\" to always show it whole",
            "content/intro/first.md:10:1: error: fold=\"0\" is not a number of lines: write fold=\"40\" to fold this listing when it is longer than 40 lines, or fold=\"no\" to always show it whole",
        ])
    }

    @Test func theStylesheetFoldsOnlyWhileClosedAndPrintsEverything() throws {
        let css = try String(contentsOfFile: Repository.root + "/templates/assets/style.css", encoding: .utf8)
        #expect(css.contains(".code-folded:has(> .code-fold > details:not([open])) > pre { max-height: calc(var(--shown-lines) * 1lh + 0.9rem); overflow-y: hidden;"))
        let print = try #require(css.range(of: "@media print {"))
        #expect(css[print.upperBound...].contains(".code-folded > pre { max-height: none !important;"))
    }
}
