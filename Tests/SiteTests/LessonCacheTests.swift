import Diagnostics
import Foundation
import Testing
@testable import Site

/// What a build keeps of each lesson for the next (`LessonCache`): a lesson whose file did not change is not read
/// (its body is, when a stage asks, and only if the file still holds the bytes the build planned with), a header read
/// before is not parsed again, any change of its text or file is parsed and checked again, and a cache written by
/// another sitegen or with other options, or cut or damaged, is not used. Builds after front-matter edits are covered
/// by `IncrementalBuildTests` (title, summary, draft).
@Suite struct LessonCacheTests {
    static let yaml = "title: First\norder: 2"

    private func paths() -> BuildPaths {
        BuildPaths(root: (NSTemporaryDirectory() as NSString).appendingPathComponent("sitegen-lessons-\(UUID().uuidString)"))
    }

    private static func lesson(title: String = "First", order: Int? = 2, file: String = "content/m/a.md") -> Lesson {
        var front = FrontMatter(title: title, summary: "s", date: nil, order: order, draft: false, readingTime: nil, layout: nil, layoutLocation: nil)
        front.date = "2026-12-05"
        return Lesson(slug: "a", moduleSlug: "m", sourcePath: file, absolutePath: "/x/" + file, frontMatter: front,
                      body: "Body with x.md and see first.md\n```\ncode here\n```\n", bodyLineOffset: 4)
    }

    /// A cache file as a build of setup "setup 1" leaves it after reading content/m/a.md, whose header is `yaml`,
    /// its record's title then changed to "Kept", which this YAML cannot give: only a cache hit returns it.
    private func seedKept(_ paths: BuildPaths) throws {
        let cache = LessonCache(paths, setup: "setup 1")
        #expect(try cache.frontMatter(Self.yaml, file: "content/m/a.md", lineOffset: 1).title == "First")
        cache.record(Self.lesson(title: "Kept"), header: LessonCache.headerKey(Self.yaml, file: "content/m/a.md", lineOffset: 1),
                     digest: "d1", bodyStart: 20)
        cache.save(paths)
    }

    @Test func aHeaderReadBeforeIsTakenFromTheCache() throws {
        let paths = paths()
        defer { try? FileManager.default.removeItem(atPath: paths.root) }
        try seedKept(paths)
        let cache = LessonCache(paths, setup: "setup 1")
        #expect(try cache.frontMatter(Self.yaml, file: "content/m/a.md", lineOffset: 1).title == "Kept")
        // Another text, another file or another line: parsed.
        #expect(try cache.frontMatter(Self.yaml + "\n", file: "content/m/a.md", lineOffset: 1).title == "First")
        #expect(try cache.frontMatter(Self.yaml, file: "content/m/b.md", lineOffset: 1).title == "First")
        #expect(try cache.frontMatter(Self.yaml, file: "content/m/a.md", lineOffset: 2).title == "First")
    }

    @Test func aLessonIsUnchangedOnlyUnderTheDigestItWasReadWith() throws {
        let paths = paths()
        defer { try? FileManager.default.removeItem(atPath: paths.root) }
        try seedKept(paths)
        let cache = LessonCache(paths, setup: "setup 1")
        #expect(cache.unchanged("content/m/a.md", digest: "d2") == nil)
        #expect(cache.unchanged("content/m/b.md", digest: "d1") == nil)
        let kept = try #require(cache.unchanged("content/m/a.md", digest: "d1"))
        #expect(kept.frontMatter == Self.lesson(title: "Kept").frontMatter)
        #expect(kept.bodyStart == 20 && kept.bodyLineOffset == 4)
        #expect(kept.facts == Self.lesson().bodyFacts)
        // A body that is not a tail of the file's bytes is never taken unread.
        let other = LessonCache(paths, setup: "setup 1")
        other.record(Self.lesson(), header: "h", digest: "d1", bodyStart: nil)
        other.save(paths)
        #expect(LessonCache(paths, setup: "setup 1").unchanged("content/m/a.md", digest: "d1") == nil)
    }

    /// Every field survives the record, absent ones too, negative orders, locations and runs included.
    @Test func recordsRoundTrip() throws {
        var full = Self.lesson(order: -3)
        full.frontMatter.readingTime = 7
        full.frontMatter.layout = "wide"
        full.frontMatter.layoutLocation = SourceLocation(file: "content/m/a.md", line: 3, column: 9)
        full.frontMatter.draft = true
        let bare = Self.lesson(title: "Ünïcode — “quoted”\nline", order: nil, file: "content/m/b.md")
        let records: [String: LessonCache.Record] = [
            "content/m/a.md": .init(header: "h1", frontMatter: full.frontMatter, digest: "d1", bodyStart: 0, bodyLineOffset: 0, facts: full.bodyFacts),
            "content/m/b.md": .init(header: "h2", frontMatter: bare.frontMatter, digest: nil, bodyStart: nil, bodyLineOffset: 12, facts: bare.bodyFacts),
        ]
        let bytes = LessonCache.record(records, setup: "setup 1")
        #expect(bytes.withUnsafeBufferPointer { LessonCache.records(fromRecord: $0, setup: "setup 1") } == records)
        #expect(bytes.withUnsafeBufferPointer { LessonCache.records(fromRecord: $0, setup: "setup 2") } == nil)
        // The record is sealed: every cut and every changed byte is refused (never a changed value), without a crash.
        expectEveryCutAndChangeRefused(bytes, flip: 0x21) { LessonCache.records(fromRecord: $0, setup: "setup 1") }
    }

    @Test func aCacheOfAnotherSitegenOrOtherOptionsIsNotUsed() throws {
        let paths = paths()
        defer { try? FileManager.default.removeItem(atPath: paths.root) }
        try seedKept(paths)
        #expect(try LessonCache(paths, setup: "setup 2").frontMatter(Self.yaml, file: "content/m/a.md", lineOffset: 1).title == "First")
        try "not a record".write(toFile: LessonCache.file(paths), atomically: true, encoding: .utf8)
        #expect(try LessonCache(paths, setup: "setup 1").frontMatter(Self.yaml, file: "content/m/a.md", lineOffset: 1).title == "First")
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

    /// The lesson cache a build of `site` opens (for its setup), and its content as the build loads it through that
    /// cache, with the inputs digested now or given.
    private func loadThroughCache(_ site: SiteTest, cache: LessonCache? = nil,
                                  inputs: BuildInputs? = nil) throws -> (content: SiteContent, cache: LessonCache) {
        let options = IncrementalBuildTests.options
        let cache = cache ?? LessonCache(site.paths, setup: BuildInputs.setup(site.paths, options))
        let (content, _) = try SiteBuilder(paths: site.paths, options: options)
            .load(lessons: cache, inputs: inputs ?? BuildInputs(site.paths, options))
        return (content, cache)
    }

    /// After an edit of one lesson, the others are loaded unread (their bodies deferred, their facts kept) and
    /// the edited one is read; a template change then renders every page from deferred bodies, byte for byte
    /// what a clean build writes.
    @Test func anEditReadsOnlyTheEditedLesson() throws {
        let site = try IncrementalBuildTests.site()
        defer { site.remove() }
        try site.build()
        try IncrementalBuildTests.Edit.prose.apply(to: site)
        let content = try loadThroughCache(site).content
        let lessons = content.modules.flatMap(\.lessons)
        #expect(lessons.map(\.sourcePath).sorted() == ["content/intro/first.md", "content/intro/second.md", "content/intro/third.md"])
        for lesson in lessons {
            #expect((lesson.deferredBody == nil) == (lesson.sourcePath == "content/intro/first.md"), "\(lesson.sourcePath)")
            #expect(lesson.readingTime >= 1)
        }
        #expect(content.modules.first?.intro?.deferredBody != nil)
        try site.build()
        try IncrementalBuildTests.Edit.template.apply(to: site)
        let report = try site.build()
        #expect(report.rendered == report.pages)
        try IncrementalBuildTests.expectSameAsCleanBuild(site)
    }

    /// A lesson saved between the inputs' digest and its reading is kept under the hash of what was read: a later
    /// build that finds the earlier bytes again (an undo) reads the file instead of cutting it where the later
    /// version's body started.
    @Test func aLessonIsKeptUnderTheHashOfTheBytesRead() throws {
        let site = try IncrementalBuildTests.site()
        defer { site.remove() }
        let setup = BuildInputs.setup(site.paths, IncrementalBuildTests.options)
        let file = "content/intro/second.md", absolute = "\(site.root)/content/intro/second.md"
        let first = try site.read(file)
        let inputs = BuildInputs(site.paths, IncrementalBuildTests.options)
        let before = try #require(inputs.digest(of: absolute))
        try site.write(file, first.replacingOnce("summary: Comes first by the config's order.", with: "summary: Saved in between.\nlayout: lesson"))
        try loadThroughCache(site, inputs: inputs).cache.save(site.paths)
        try site.write(file, first)
        let next = LessonCache(site.paths, setup: setup)
        #expect(next.unchanged(file, digest: before) == nil, "the earlier bytes are not the ones recorded")
        let content = try loadThroughCache(site, cache: next).content
        let second = try #require(content.modules.first?.lessons.first { $0.slug == "second" })
        #expect(second.deferredBody == nil && second.frontMatter.summary != "Saved in between.")
    }

    /// A deferred body is read only from the bytes the build planned with: a file changed or removed since is
    /// reported at its path, and a build after it sees the change.
    @Test func aDeferredBodyIsReadOnlyFromTheBytesThePlanSaw() throws {
        let site = try IncrementalBuildTests.site()
        defer { site.remove() }
        try site.build()
        let content = try loadThroughCache(site).content
        var second = try #require(content.modules.first?.lessons.first { $0.slug == "second" })
        #expect(second.deferredBody != nil && second.body.isEmpty)
        var read = second
        try read.readBody()
        #expect(read.deferredBody == nil && read.body.contains("\n"))
        let start = try #require(second.deferredBody?.start)
        #expect(read.body == String(decoding: Array(try site.read("content/intro/second.md").utf8).dropFirst(start), as: UTF8.self))
        try site.write("content/intro/second.md", try site.read("content/intro/second.md") + "\nMore.\n")
        #expect(throws: Diagnostic.self) { try second.readBody() }
        do {
            try second.readBody()
        } catch {
            #expect(error.location?.file == "content/intro/second.md" && error.message.contains("changed while the site was built"))
        }
        try FileManager.default.removeItem(atPath: "\(site.root)/content/intro/second.md")
        do {
            try second.readBody()
            Issue.record("a removed file was read")
        } catch {
            #expect(error.message.contains("cannot read this file"))
        }
    }
}
