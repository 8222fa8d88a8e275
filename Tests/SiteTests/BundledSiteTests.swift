import Foundation
import Testing
@testable import Site

/// The bundled course built from scratch twice, in two folders with empty caches: every byte of public/
/// must be the same (experiments, charts, hashes, sitemap), and a third build from the cache too.
@Suite struct BundledSiteTests {
    @Test func twoCleanBuildsOfTheBundledCourseAreByteIdentical() async throws {
        try await offThePool(Self.buildTwiceAndCompare)
    }

    static func buildTwiceAndCompare() throws {
        let first = try SiteTest.bundled(), second = try SiteTest.bundled()
        defer { first.remove(); second.remove() }
        let firstReport = try first.build()
        try second.build()
        let a = try first.outputTree(), b = try second.outputTree()
        #expect(firstReport.pages >= 3)
        #expect(a.keys.contains("optimisers/optimisers/index.html"))
        #expect(a.count > 20)
        Self.expectTwoModules(a)
        #expect(Set(a.keys) == Set(b.keys))
        for (path, bytes) in a where b[path] != bytes {
            Issue.record("\(path) differs between two clean builds")
        }
        // From the cache this time: still the same bytes.
        let cached = first.builder
        try cached.build()
        #expect(cached.cache.statistics.misses == 0)
        #expect(try first.outputTree() == a)
    }

    /// Both modules are built and linked: the home page lists both (none coming soon), the sidebar of every
    /// lesson names both lessons, the pager crosses from the first module's lesson to the second's and back,
    /// the first lesson's "what comes next" links to the second module, and the sitemap lists every page.
    static func expectTwoModules(_ tree: [String: Data]) {
        let text = { (path: String) in tree[path].map { String(decoding: $0, as: UTF8.self) } ?? "" }
        for page in ["batchnorm-dropout/index.html", "batchnorm-dropout/batchnorm-dropout/index.html",
                     "batchnorm-dropout/batchnorm-dropout/eval_mode.py", "batchnorm-dropout/batchnorm-dropout/eval-mode.csv",
                     "batchnorm-dropout/batchnorm-dropout/batchnorm-dropout.ipynb"] {
            #expect(tree[page] != nil, "missing \(page)")
        }
        let home = text("index.html")
        #expect(home.contains("href=\"optimisers/index.html\"") && home.contains("href=\"batchnorm-dropout/index.html\""))
        #expect(!home.contains("coming soon"))
        let first = text("optimisers/optimisers/index.html"), second = text("batchnorm-dropout/batchnorm-dropout/index.html")
        for (lesson, other) in [(first, "batchnorm-dropout"), (second, "optimisers")] {
            #expect(lesson.contains("<a href=\"index.html\" aria-current=\"page\">"))
            #expect(lesson.contains("<li><a href=\"../../\(other)/\(other)/index.html\">"))
        }
        #expect(first.contains("<a class=\"pager-next\" href=\"../../batchnorm-dropout/batchnorm-dropout/index.html\" rel=\"next\">"))
        #expect(second.contains("<a class=\"pager-prev\" href=\"../../optimisers/optimisers/index.html\" rel=\"prev\">"))
        #expect(first.contains("<a href=\"../../batchnorm-dropout/index.html\">Batch normalisation and dropout</a>"))
        let sitemap = text("sitemap.xml")
        for path in ["optimisers/", "optimisers/optimisers/", "batchnorm-dropout/", "batchnorm-dropout/batchnorm-dropout/"] {
            #expect(sitemap.contains("\(path)</loc>"), "sitemap lacks \(path)")
        }
    }
}
