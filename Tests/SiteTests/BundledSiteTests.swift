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
}
