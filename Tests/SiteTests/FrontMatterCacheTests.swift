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

    /// A cache file as a build leaves it, with the entry for `yaml` in `file` holding `frontMatter`.
    private func seed(_ paths: BuildPaths, setup: String, file: String, frontMatter: FrontMatter) throws {
        let cache = FrontMatterCache(paths, setup: setup)
        _ = try cache.frontMatter(Self.yaml, file: file, lineOffset: 1)
        cache.save(paths)
        let path = FrontMatterCache.file(paths)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        // The stored entry, replaced by one this YAML cannot give: only a cache hit returns it.
        let real = try FrontMatter.parse(Self.yaml, file: file, lineOffset: 1)
        let encoder = JSONEncoder()
        let stale = String(decoding: try encoder.encode(frontMatter), as: UTF8.self)
        let fresh = String(decoding: try encoder.encode(real), as: UTF8.self)
        #expect(text.contains(fresh))
        try text.replacingOccurrences(of: fresh, with: stale).write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// The cache of setup "setup 1", whose entry for `yaml` in content/m/a.md has the title "Kept".
    private func seedKept(_ paths: BuildPaths) throws {
        var stale = try FrontMatter.parse(Self.yaml, file: "content/m/a.md", lineOffset: 1)
        stale.title = "Kept"
        try seed(paths, setup: "setup 1", file: "content/m/a.md", frontMatter: stale)
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
