import Diagnostics
import Foundation
import Testing
@testable import Site

/// The front matter a build keeps for the next (`FrontMatterCache`): a header read before is not parsed
/// again, any change of its text or file is parsed and checked again, and a cache written by another
/// sitegen or with other options is not used. Builds after front-matter edits are covered by
/// `IncrementalBuildTests` (title, summary, draft).
@Suite struct FrontMatterCacheTests {
    static let yaml = "title: First\norder: 2"

    private func paths() -> BuildPaths {
        BuildPaths(root: (NSTemporaryDirectory() as NSString).appendingPathComponent("sitegen-front-\(UUID().uuidString)"))
    }

    /// A cache file as a build of setup "setup 1" leaves it after reading `yaml` in content/m/a.md, its
    /// entry's title then changed to "Kept", which this YAML cannot give: only a cache hit returns it.
    private func seedKept(_ paths: BuildPaths) throws {
        let cache = FrontMatterCache(paths, setup: "setup 1")
        #expect(try cache.frontMatter(Self.yaml, file: "content/m/a.md", lineOffset: 1).title == "First")
        cache.save(paths)
        let path = FrontMatterCache.file(paths)
        var stored = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        var entries = try #require(stored["entries"] as? [String: [String: Any]])
        #expect(entries.count == 1)
        for key in entries.keys { entries[key]?["title"] = "Kept" }
        stored["entries"] = entries
        try JSONSerialization.data(withJSONObject: stored).write(to: URL(fileURLWithPath: path))
    }

    @Test func aHeaderReadBeforeIsTakenFromTheCache() throws {
        let paths = paths()
        defer { try? FileManager.default.removeItem(atPath: paths.root) }
        try seedKept(paths)
        let cache = FrontMatterCache(paths, setup: "setup 1")
        #expect(try cache.frontMatter(Self.yaml, file: "content/m/a.md", lineOffset: 1).title == "Kept")
        // Another text, another file or another line: parsed.
        #expect(try cache.frontMatter(Self.yaml + "\n", file: "content/m/a.md", lineOffset: 1).title == "First")
        #expect(try cache.frontMatter(Self.yaml, file: "content/m/b.md", lineOffset: 1).title == "First")
        #expect(try cache.frontMatter(Self.yaml, file: "content/m/a.md", lineOffset: 2).title == "First")
    }

    @Test func aCacheOfAnotherSitegenOrOtherOptionsIsNotUsed() throws {
        let paths = paths()
        defer { try? FileManager.default.removeItem(atPath: paths.root) }
        try seedKept(paths)
        #expect(try FrontMatterCache(paths, setup: "setup 2").frontMatter(Self.yaml, file: "content/m/a.md", lineOffset: 1).title == "First")
        try "{not json".write(toFile: FrontMatterCache.file(paths), atomically: true, encoding: .utf8)
        #expect(try FrontMatterCache(paths, setup: "setup 1").frontMatter(Self.yaml, file: "content/m/a.md", lineOffset: 1).title == "First")
    }

    @Test func aBrokenHeaderIsReportedOnEveryBuildAndNeverKept() throws {
        let site = try SiteTest(fixture: "basic", options: IncrementalBuildTests.options)
        defer { site.remove() }
        try site.build()
        let lesson = "content/intro/first.md"
        try site.write(lesson, try site.read(lesson).replacingOnce("title: First lesson", with: "title: First lesson\norder: soon"))
        for _ in 0..<2 {
            let problems = site.buildFailure()
            #expect(problems.contains { $0.location?.file == lesson && $0.message.contains("order") }, "\(problems)")
        }
        try site.write(lesson, try site.read(lesson).replacingOnce("order: soon", with: "order: 1"))
        try site.build()
        try IncrementalBuildTests.expectSameAsCleanBuild(site)
    }
}
