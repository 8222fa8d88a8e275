import Foundation
import Testing
@testable import Site

@Suite struct EndToEndBuildTests {
    @Test func buildsEveryPage() throws {
        let site = try SiteTest(fixture: "basic")
        defer { site.remove() }
        let report = try site.build()
        #expect(report.pages == 4)  // index, module, two lessons; the draft is left out
        let tree = try site.outputTree()
        #expect(tree["index.html"] != nil)
        #expect(tree["intro/index.html"] != nil)
        #expect(tree["intro/first/index.html"] != nil)
        #expect(tree["intro/second/index.html"] != nil)
        #expect(tree["intro/draft/index.html"] == nil)
        #expect(tree["later/index.html"] == nil)
    }

    @Test func lessonPageHasHeadingIdsTocTablesAndCode() throws {
        let site = try SiteTest(fixture: "basic")
        defer { site.remove() }
        try site.build()
        let html = try site.output("intro/first/index.html")
        #expect(html.hasPrefix("<!doctype html>\n<html lang=\"en\">"))
        #expect(html.contains("<meta name=\"description\" content=\"Tables, code and footnotes.\">"))
        #expect(html.contains("<link rel=\"canonical\" href=\"https://example.org/courses/ml/intro/first/\">"))
        #expect(html.contains("<h2 id=\"results-table\">Results table<a class=\"anchor\" href=\"#results-table\""))
        #expect(html.contains("<li><a href=\"#results-table\">Results table</a></li><li><a href=\"#code\">Code</a></li><li class=\"toc-sub\"><a href=\"#detail\">Detail</a></li>"))
        #expect(html.contains("<th scope=\"col\" style=\"text-align:right\">loss</th>"))
        #expect(html.contains("<td style=\"text-align:right\">0.069</td>"))
        #expect(html.contains("<code class=\"language-python\">"))
        #expect(html.contains("<time datetime=\"2026-03-14\">14 March 2026</time>"))
        #expect(html.contains("<a class=\"pager-prev\" href=\"../second/index.html\" rel=\"prev\">"))
        #expect(html.contains("<strong>Later module</strong>"))  // next module, coming soon
        #expect(html.contains("<span class=\"badge\">coming soon</span>"))
    }

    @Test func readingTimeIsComputedUnlessGiven() throws {
        let site = try SiteTest(fixture: "basic")
        defer { site.remove() }
        try site.build()
        #expect(try site.output("intro/first/index.html").contains("<span>1 min read</span>"))
        #expect(try site.output("intro/second/index.html").contains("<span>7 min read</span>"))
    }

    @Test func indexAndModulePagesLinkInConfigOrder() throws {
        let site = try SiteTest(fixture: "basic")
        defer { site.remove() }
        try site.build()
        let index = try site.output("index.html")
        #expect(index.contains("<a href=\"intro/index.html\"><span class=\"card-number\">1</span> Introduction</a>"))
        #expect(index.contains("<strong><span class=\"card-number\">2</span> Later module</strong> <span class=\"badge\">coming soon</span>"))
        let module = try site.output("intro/index.html")
        #expect(module.contains("<p>This module has <strong>two</strong> lessons.</p>"))
        let second = try #require(module.range(of: "Second lesson</a>"))
        let first = try #require(module.range(of: "First lesson</a>"))
        #expect(second.lowerBound < first.lowerBound)
    }

    @Test func assetsAreCopiedWithContentHashes() throws {
        let site = try SiteTest(fixture: "basic")
        defer { site.remove() }
        try site.build()
        let tree = try site.outputTree()
        let css = try #require(tree.keys.first { $0.hasPrefix("assets/style.") && $0.hasSuffix(".css") })
        #expect(css.count == "assets/style.".count + 10 + ".css".count)
        let html = try site.output("index.html")
        #expect(html.contains("<link rel=\"stylesheet\" href=\"\(css)\">"))
        #expect(try site.output("intro/first/index.html").contains("<link rel=\"stylesheet\" href=\"../../\(css)\">"))
        // Changing the stylesheet changes its name.
        try site.write("templates/assets/style.css", try site.read("templates/assets/style.css") + "\nbody{}\n")
        try site.build()
        let renamed = try #require(try site.outputTree().keys.first { $0.hasPrefix("assets/style.") && $0.hasSuffix(".css") })
        #expect(renamed != css)
    }

    @Test func draftsAreIncludedOnRequest() throws {
        let site = try SiteTest(fixture: "basic", options: BuildOptions(includeDrafts: true))
        defer { site.remove() }
        try site.build()
        #expect(try site.output("intro/draft/index.html").contains("<h1>Unfinished</h1>"))
    }

    @Test func baseURLOptionOverridesConfig() throws {
        let site = try SiteTest(fixture: "basic", options: BuildOptions(baseURL: "/other/"))
        defer { site.remove() }
        try site.build()
        // Pages link relative to themselves whatever the base path; without an origin there is no
        // canonical link (a root-relative one names the wrong page once the folder moves).
        let html = try site.output("intro/first/index.html")
        #expect(!html.contains("rel=\"canonical\""))
        #expect(!html.contains("og:url"))
        #expect(html.contains("<p class=\"lesson-module\"><a href=\"../index.html\">Introduction</a></p>"))
        #expect(try site.output("404.html").contains("<a href=\"/other/intro/\">Introduction</a>"))
        #expect(try site.output("sitemap.xml").contains("<loc>/other/intro/first/</loc>"))
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let a = try SiteTest(fixture: "basic"), b = try SiteTest(fixture: "basic")
        defer { a.remove(); b.remove() }
        try a.build()
        try b.build()
        let first = try a.outputTree(), second = try b.outputTree()
        #expect(first.count > 5)
        #expect(first == second)
        try a.build()
        #expect(try a.outputTree() == first)
    }
}
