import Foundation
import Testing
@testable import Site

/// The Atom feed of dated lessons, the Open Graph and Twitter card tags, and `<link rel="prev/next">`.
@Suite struct FeedAndSharingTests {
    @Test func atomFeedListsDatedLessonsNewestFirstWithAbsoluteURLs() throws {
        let site = try SiteTest(fixture: "features")
        defer { site.remove() }
        try site.build()
        #expect(try site.output("feed.xml") == """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
              <title>Feature Course</title>
              <subtitle>A fixture that uses every piece of lesson furniture once.</subtitle>
              <link rel="alternate" type="text/html" href="https://example.org/learn/"/>
              <link rel="self" type="application/atom+xml" href="https://example.org/learn/feed.xml"/>
              <id>https://example.org/learn/</id>
              <updated>2026-05-02T00:00:00Z</updated>
              <author><name>Feature Course</name></author>
              <generator>sitegen</generator>
              <entry>
                <title>Second lesson</title>
                <link rel="alternate" type="text/html" href="https://example.org/learn/course/second/"/>
                <id>https://example.org/learn/course/second/</id>
                <published>2026-05-02T00:00:00Z</published>
                <updated>2026-05-02T00:00:00Z</updated>
                <summary>The last lesson of the module.</summary>
                <category term="course" label="Course module"/>
              </entry>
              <entry>
                <title>A tour of the furniture</title>
                <link rel="alternate" type="text/html" href="https://example.org/learn/course/tour/"/>
                <id>https://example.org/learn/course/tour/</id>
                <published>2026-04-01T00:00:00Z</published>
                <updated>2026-04-01T00:00:00Z</updated>
                <summary>Callouts, questions, comparison cards, math, code and an experiment.</summary>
                <category term="course" label="Course module"/>
              </entry>
            </feed>

            """)
        let lesson = try site.output("course/tour/index.html")
        #expect(lesson.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Feature Course\" href=\"../../feed.xml\">"))
        #expect(try site.output("index.html").contains("href=\"feed.xml\">"))
        #expect(try site.output("404.html").contains("href=\"/learn/feed.xml\">"))
    }

    @Test func withoutAnOriginTheFeedLinksRelativeToItselfWithStableIDs() throws {
        let site = try SiteTest(fixture: "basic", options: BuildOptions(baseURL: "/"))
        defer { site.remove() }
        try site.build()
        let feed = try site.output("feed.xml")
        #expect(feed.contains("  <link rel=\"alternate\" type=\"text/html\" href=\"index.html\"/>\n"))
        #expect(feed.contains("    <link rel=\"alternate\" type=\"text/html\" href=\"intro/first/index.html\"/>\n"))
        #expect(!feed.contains("rel=\"self\""))
        // Ids are absolute IRIs, whatever the base path, and differ per page.
        let ids = feed.matches(of: /<id>(urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})<\/id>/).map { String($0.1) }
        #expect(ids.count == 2 && ids[0] != ids[1])
        let moved = try SiteTest(fixture: "basic", options: BuildOptions(baseURL: "/elsewhere/"))
        defer { moved.remove() }
        try moved.build()
        #expect(try moved.output("feed.xml") == feed)
    }

    @Test func noDatedLessonMeansNoFeed() throws {
        let site = try SiteTest(fixture: "basic")
        defer { site.remove() }
        try site.write("content/intro/first.md", try site.read("content/intro/first.md").replacingOccurrences(of: "date: 2026-03-14\n", with: ""))
        try site.build()
        #expect(!FileManager.default.fileExists(atPath: "\(site.root)/public/feed.xml"))
        #expect(!(try site.output("index.html")).contains("application/atom+xml"))
    }

    @Test func openGraphAndTwitterCardTags() throws {
        let site = try SiteTest(fixture: "features")
        defer { site.remove() }
        try site.build()
        let lesson = try site.output("course/tour/index.html")
        for tag in [
            "<meta property=\"og:type\" content=\"article\">",
            "<meta property=\"og:title\" content=\"A tour of the furniture\">",
            "<meta property=\"og:description\" content=\"Callouts, questions, comparison cards, math, code and an experiment.\">",
            "<meta property=\"og:site_name\" content=\"Feature Course\">",
            "<meta property=\"og:url\" content=\"https://example.org/learn/course/tour/\">",
            "<meta property=\"article:published_time\" content=\"2026-04-01\">",
            "<meta name=\"twitter:card\" content=\"summary\">",
        ] {
            #expect(lesson.contains(tag), "\(tag)")
        }
        #expect(!lesson.contains("og:image"))
        let home = try site.output("index.html")
        #expect(home.contains("<meta property=\"og:type\" content=\"website\">"))
        #expect(home.contains("<meta property=\"og:url\" content=\"https://example.org/learn/\">"))
        #expect(!home.contains("article:published_time"))
    }

    @Test func lessonsLinkTheirNeighboursInTheHead() throws {
        let site = try SiteTest(fixture: "features")
        defer { site.remove() }
        try site.build()
        let first = try site.output("course/tour/index.html"), last = try site.output("course/second/index.html")
        #expect(first.contains("<link rel=\"next\" href=\"../second/index.html\">"))
        #expect(!first.contains("<link rel=\"prev\""))
        #expect(last.contains("<link rel=\"prev\" href=\"../tour/index.html\">"))
        #expect(!last.contains("<link rel=\"next\""))
        #expect(!(try site.output("course/index.html")).contains("<link rel=\"prev\""))
    }
}
