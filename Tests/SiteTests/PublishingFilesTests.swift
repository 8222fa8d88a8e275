import Foundation
import Testing
@testable import Site

/// sitemap.xml, robots.txt and 404.html in the output, and markdown links under a base path.
@Suite struct PublishingFilesTests {
    @Test func sitemapListsEveryPageWithAbsoluteURLs() throws {
        let site = try SiteTest(fixture: "basic")
        defer { site.remove() }
        try site.build()
        #expect(try site.output("sitemap.xml") == """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <url><loc>https://example.org/courses/ml/</loc></url>
              <url><loc>https://example.org/courses/ml/intro/</loc></url>
              <url><loc>https://example.org/courses/ml/intro/first/</loc></url>
              <url><loc>https://example.org/courses/ml/intro/second/</loc></url>
            </urlset>

            """)
        #expect(try site.output("robots.txt") == "User-agent: *\nAllow: /\n\nSitemap: https://example.org/courses/ml/sitemap.xml\n")
    }

    @Test func withoutAnOriginTheSitemapIsRootRelativeAndRobotsHasNoSitemapLine() throws {
        let site = try SiteTest(fixture: "basic", options: BuildOptions(baseURL: "/docs/"))
        defer { site.remove() }
        try site.build()
        #expect(try site.output("sitemap.xml").contains("  <url><loc>/docs/intro/first/</loc></url>\n"))
        #expect(try site.output("robots.txt") == "User-agent: *\nAllow: /\n")
    }

    @Test func notFoundPageUsesTheTemplatesAndAbsoluteLinks() throws {
        let site = try SiteTest(fixture: "basic")
        defer { site.remove() }
        try site.build()
        let page = try site.output("404.html")
        #expect(page.hasPrefix("<!doctype html>\n<html lang=\"en\">"))
        #expect(page.contains("<title>Page not found · Fixture Course</title>"))
        #expect(page.contains("<h1>Page not found</h1>"))
        #expect(page.contains("<a href=\"/courses/ml/\">Go to the home page</a>"))
        #expect(page.contains("<li><a href=\"/courses/ml/intro/\">Introduction</a></li>"))
        #expect(page.contains("<li>Later module <small>coming soon</small></li>"))
        let css = try #require(try site.outputTree().keys.first { $0.hasPrefix("assets/style.") })
        #expect(page.contains("href=\"/courses/ml/\(css)\""))
    }

    @Test func outputIsDeterministic() throws {
        let site = try SiteTest(fixture: "basic")
        defer { site.remove() }
        try site.build()
        let first = try site.outputTree()
        try site.build()
        #expect(try site.outputTree() == first)
    }

    @Test func authorLinksBecomeRelativeToTheirPage() throws {
        let site = try SiteTest(fixture: "basic")
        defer { site.remove() }
        try site.write("content/intro/second.md", """
            ---
            title: Second lesson
            ---
            See [the first](/intro/first/#code), [relative](../first/), [anchor](#top),
            [outside](https://example.com/x), ![chart](/intro/first/plot.svg), [file](data.csv),
            [up](..), [query](/intro/?a=1#b) and `[code](/x/)`.

            > [!NOTE]
            > Also [inside a callout](/intro/).

            <p class="raw"><a href="/intro/first/">raw</a> <img src='/intro/x.png' alt=""> <a href="//cdn.example/x">cdn</a></p>

            Inline <a HREF=/intro/>raw inline</a> and <a href="https://example.com/">absolute</a>.
            """)
        try site.build()
        let html = try site.output("intro/second/index.html")
        #expect(html.contains("<a href=\"../first/index.html#code\">the first</a>"))
        #expect(html.contains("<a href=\"../first/index.html\">relative</a>"))
        #expect(html.contains("<a href=\"#top\">anchor</a>"))
        #expect(html.contains("<a href=\"https://example.com/x\">outside</a>"))
        #expect(html.contains("<img src=\"../first/plot.svg\" alt=\"chart\""))
        #expect(html.contains("<a href=\"data.csv\">file</a>"))
        #expect(html.contains("<a href=\"../index.html\">up</a>"))
        #expect(html.contains("<a href=\"../index.html?a=1#b\">query</a>"))
        #expect(html.contains("<code>[code](/x/)</code>"))
        #expect(html.contains("<a href=\"../index.html\">inside a callout</a>"))
        #expect(html.contains("<p class=\"raw\"><a href=\"../first/index.html\">raw</a> <img src='../x.png' alt=\"\"> <a href=\"//cdn.example/x\">cdn</a></p>"))
        #expect(html.contains("Inline <a HREF=../index.html>raw inline</a> and <a href=\"https://example.com/\">absolute</a>."))
    }

    @Test func pagesAreTheSameWhateverTheBasePath() throws {
        let root = try SiteTest(fixture: "basic", options: BuildOptions(baseURL: "/"))
        let sub = try SiteTest(fixture: "basic", options: BuildOptions(baseURL: "/deep/sub/path/"))
        defer { root.remove(); sub.remove() }
        for site in [root, sub] {
            try site.write("content/intro/second.md", "---\ntitle: Second lesson\n---\n[home](/intro/)\n")
            try site.build()
        }
        let a = try root.outputTree(), b = try sub.outputTree()
        #expect(try root.output("intro/second/index.html").contains("<a href=\"../index.html\">home</a>"))
        // Only what names the site's address differs: the 404 page and the sitemap (root-relative).
        let differing = Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
        #expect(differing == ["404.html", "sitemap.xml"])
    }
}
