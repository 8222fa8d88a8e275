import Diagnostics
import Foundation
import Testing
@testable import Site
import TestSupport

/// `sitegen check`: broken links and anchors are found and reported where they were written.
@Suite struct LinkCheckerTests {
    /// `sitegen check` on the basic fixture with its second lesson replaced by `markdown`.
    func check(secondLesson markdown: String) throws -> LinkCheckReport {
        let site = try SiteTest(fixture: "basic")
        defer { site.remove() }
        try site.write("content/intro/second.md", markdown)
        return try SiteCheck(paths: site.paths, options: site.options).run()
    }

    @Test func theFixtureSiteHasNoBrokenReference() throws {
        let site = try SiteTest(fixture: "basic")
        defer { site.remove() }
        let report = try SiteCheck(paths: site.paths, options: site.options).run()
        #expect(report.problems == [])
        #expect(report.checked > 50)
    }

    @Test func brokenLinkAndAnchorAreReportedAtTheirMarkdownLines() throws {
        let report = try check(secondLesson: """
            ---
            title: Second lesson
            reading_time: 7
            ---
            ## Only section

            Good: [first](../first/), [code](/intro/first/#code), [self](#only-section).
            Broken page: [gone](/intro/gone/).

            - a list item with a [bad anchor](../first/#no-such-heading)

            Mail [us](mailto:team@example.org) or read [the docs](https://docs.example.org/x).
            ![missing image](missing.png)
            """)
        #expect(report.problems == [
            .error(at: SourceLocation(file: "content/intro/second.md", line: 8, column: 21),
                   "broken link '../gone/index.html': the site has no file intro/gone/index.html (checked public/intro/second/index.html)"),
            .error(at: SourceLocation(file: "content/intro/second.md", line: 10, column: 35),
                   "broken anchor '#no-such-heading' in '../first/index.html#no-such-heading': no element on intro/first/index.html has id=\"no-such-heading\""),
            .error(at: SourceLocation(file: "content/intro/second.md", line: 13, column: 18),
                   "broken image 'missing.png': the site has no file intro/second/missing.png (checked public/intro/second/index.html)"),
        ])
        #expect(report.external == [
            ExternalLink(url: "mailto:team@example.org", location: SourceLocation(file: "content/intro/second.md", line: 12, column: 11)),
            ExternalLink(url: "https://docs.example.org/x", location: SourceLocation(file: "content/intro/second.md", line: 12, column: 55)),
        ])
    }

    @Test func brokenRawHTMLReferencesAreReportedAtTheirMarkdownLines() throws {
        let report = try check(secondLesson: """
            ---
            title: Second lesson
            ---
            Text with an inline <a href="/intro/gone/">raw link</a>.

            <figure>
              <img src="missing.png" alt="">
              <a href="../first/">fine</a>
            </figure>
            """)
        #expect(report.problems == [
            .error(at: SourceLocation(file: "content/intro/second.md", line: 4, column: 30),
                   "broken link '../gone/index.html': the site has no file intro/gone/index.html (checked public/intro/second/index.html)"),
            .error(at: SourceLocation(file: "content/intro/second.md", line: 7, column: 13),
                   "broken image 'missing.png': the site has no file intro/second/missing.png (checked public/intro/second/index.html)"),
        ])
    }

    @Test func referenceDefinitionsAreFoundBelowTheirParagraph() throws {
        let report = try check(secondLesson: "---\ntitle: Second lesson\n---\nSee [this][ref].\n\nMore text.\n\n[ref]: ../nowhere/\n")
        #expect(report.problems.map(\.location) == [SourceLocation(file: "content/intro/second.md", line: 8, column: 8)])
    }

    @Test func brokenTemplateLinksAreReportedInTheOutputPage() throws {
        let site = try SiteTest(fixture: "basic")
        defer { site.remove() }
        let footer = try site.read("templates/partials/footer.mustache")
        try site.write("templates/partials/footer.mustache", footer.replacingOnce("</footer>", with: "<a href=\"{{root}}about/\">About</a>\n</footer>"))
        let report = try SiteCheck(paths: site.paths, options: site.options).run()
        try site.build()  // the same pages on disk, to find the line
        let home = try #require(report.problems.first { $0.location?.file == "public/index.html" })
        #expect(home.message == "broken link 'about/': the site has no file about/index.html (checked public/index.html)")
        let line = try #require(try String(contentsOfFile: "\(site.root)/public/index.html", encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("about/") })
        #expect(home.location?.line == line + 1)
        // Every page carries the footer: one problem per page (index, module, two lessons, 404).
        #expect(report.problems.count == 5)
    }

    @Test func linksThatBreakOpenedFromDiskAreWarnings() throws {
        let site = try SiteTest(fixture: "basic")
        defer { site.remove() }
        try site.write("content/intro/second.md", "---\ntitle: Second lesson\n---\nSee [the first](../first) and [the module](..).\n")
        let footer = try site.read("templates/partials/footer.mustache")
        try site.write("templates/partials/footer.mustache", footer.replacingOccurrences(of: "</footer>", with: "<a href=\"/courses/ml/intro/index.html\">Intro</a>\n</footer>"))
        let report = try SiteCheck(paths: site.paths, options: site.options).run()
        #expect(report.problems == [])
        let lesson = report.warnings.filter { $0.location?.file == "content/intro/second.md" }
        #expect(lesson == [.warning(at: SourceLocation(file: "content/intro/second.md", line: 4, column: 17),
                                    "'../first' names a folder: opened from disk a browser shows a folder listing there, not its index.html; name the index.html in the link")])
        let home = try #require(report.warnings.first { $0.location?.file == "public/index.html" })
        #expect(home.message == "'/courses/ml/intro/index.html' is root-relative: it works only where the site is served at this base path, not opened from disk or moved; link relative to the page (in a template, from {{root}})")
        // Every page but the 404 page, which links from the base path on purpose.
        #expect(report.warnings.filter { $0.message.contains("root-relative") }.count == 4)
    }
}
