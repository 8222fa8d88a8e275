import Foundation
import Testing
@testable import Site
import TestSupport

/// Incremental builds (`RebuildPlan`): after each kind of edit, the build renders only what the edit
/// changes, and the output folder is byte for byte what a clean build of the same sources writes.
@Suite struct IncrementalBuildTests {
    static let options = BuildOptions(skipWhenUpToDate: true)

    /// The basic fixture (index, one module page, two lessons) plus a third lesson with an experiment.
    static func site() throws -> SiteTest {
        let site = try SiteTest(fixture: "basic", options: options)
        _ = try LessonScaffold(paths: site.paths).create("intro/third")
        return site
    }

    /// An edit, and how many of the site's pages the next build renders (nil: every page).
    enum Edit: String, CaseIterable, CustomTestStringConvertible {
        case prose, proseChangingReadingTime, experiment, moduleIntro
        case title, summary, reorder, template, asset, config, addLesson, removeLesson, script, draft

        var testDescription: String { rawValue }

        var rendered: Int? {
            switch self {
            case .prose, .experiment, .moduleIntro: 1
            case .proseChangingReadingTime: 2  // the lesson, and its module's page, which shows the time
            default: nil
            }
        }

        func apply(to site: SiteTest) throws {
            let first = "content/intro/first.md", third = "content/intro/third.md"
            switch self {
            case .prose: try site.write(first, try site.read(first).replacingOnce("A claim.", with: "A bolder claim."))
            case .proseChangingReadingTime:
                try site.write(first, try site.read(first) + "\n" + String(repeating: "word ", count: 500) + "\n")
            case .experiment: try site.write(third, try site.read(third).replacingOnce("warmup: 5}", with: "warmup: 4}"))
            case .moduleIntro: try site.write("content/intro/index.md", try site.read("content/intro/index.md") + "\nMore.\n")
            case .title: try site.write(first, try site.read(first).replacingOnce("title: First lesson", with: "title: The first lesson"))
            case .summary: try site.write(first, try site.read(first).replacingOnce("summary: Tables", with: "summary: Charts"))
            case .reorder: try site.write("sitegen.yml", try site.read("sitegen.yml").replacingOnce("[second, first]", with: "[first, second]"))
            case .template: try site.write("templates/lesson.mustache", try site.read("templates/lesson.mustache") + "\n<!-- edited -->\n")
            case .asset: try site.write("templates/assets/extra.js", "// new\n")
            case .config: try site.write("sitegen.yml", try site.read("sitegen.yml").replacingOnce("Fixture Course", with: "Renamed"))
            case .addLesson: _ = try LessonScaffold(paths: site.paths).create("intro/fourth")
            case .removeLesson: try FileManager.default.removeItem(atPath: "\(site.root)/\(third)")
            case .script: try site.write("content/intro/data.py", "print(1)\n")
            case .draft: try site.write("content/intro/draft.md", try site.read("content/intro/draft.md").replacingOnce("draft: true", with: "draft: false"))
            }
        }
    }

    @Test(arguments: Edit.allCases)
    func anIncrementalBuildWritesWhatACleanBuildWrites(edit: Edit) throws {
        let site = try Self.site()
        defer { site.remove() }
        let first = try site.build()
        #expect(first.rendered == first.pages)
        try edit.apply(to: site)
        let report = try site.build()
        #expect(report.rendered == (edit.rendered ?? report.pages), "pages rendered after the edit")
        #expect(report.files == (try site.outputTree().count) - 1, "files reported (all but the marker)")
        try Self.expectSameAsCleanBuild(site)
    }

    @Test func editsInARowStayEqualToACleanBuild() throws {
        let site = try Self.site()
        defer { site.remove() }
        try site.build()
        for edit in [Edit.prose, .experiment, .title, .proseChangingReadingTime, .moduleIntro, .summary] {
            try edit.apply(to: site)
            try site.build()
        }
        try Self.expectSameAsCleanBuild(site)
    }

    @Test func aFailedBuildInBetweenKeepsTheNextOneIncremental() throws {
        let site = try Self.site()
        defer { site.remove() }
        try site.build()
        let lesson = try site.read("content/intro/first.md")
        try site.write("content/intro/first.md", "no front matter\n")
        _ = site.buildFailure()
        try site.write("content/intro/first.md", lesson.replacingOnce("A claim.", with: "A bolder claim."))
        #expect(try site.build().rendered == 1)
        try Self.expectSameAsCleanBuild(site)
    }

    @Test func anOutputFileChangedByHandMakesTheNextBuildWriteEverything() throws {
        let site = try Self.site()
        defer { site.remove() }
        try site.build()
        try site.write("public/intro/second/index.html", "hand-edited")
        try Edit.prose.apply(to: site)
        let report = try site.build()
        #expect(report.rendered == report.pages)
        try Self.expectSameAsCleanBuild(site)
    }

    @Test func aLessonThatAnotherMayIncludeRendersEveryPage() throws {
        let site = try Self.site()
        defer { site.remove() }
        try site.write("content/intro/second.md", try site.read("content/intro/second.md") + "\n```markdown file=\"first.md\"\n```\n")
        try site.build()
        try Edit.prose.apply(to: site)
        let report = try site.build()
        #expect(report.rendered == report.pages)
        #expect(try site.output("intro/second/index.html").contains("A bolder claim."))
        try Self.expectSameAsCleanBuild(site)
    }

    @Test func anUnreadableSearchRecordMakesTheNextBuildRenderEverything() throws {
        let site = try Self.site()
        defer { site.remove() }
        try site.build()
        let record = SearchIndexStore(paths: site.paths).file
        #expect(FileManager.default.fileExists(atPath: record))
        try "not a record".write(toFile: record, atomically: true, encoding: .utf8)
        try Edit.prose.apply(to: site)
        let report = try site.build()
        #expect(report.rendered == report.pages)
        try Self.expectSameAsCleanBuild(site)
    }

    /// A course of more lessons than a search shard holds: an edit writes again the edited lesson's shard only, the
    /// other shards' files are the very files the last build wrote, and the script is the clean build's; a damaged
    /// shard file is made again.
    @Test func anEditWritesItsSearchShardAgainAndCopiesTheOthers() throws {
        let site = try Self.site()
        defer { site.remove() }
        for n in 1...(SearchIndex.lessonsPerShard + 4) {
            try site.write("content/intro/extra-\(n).md", "---\ntitle: Extra \(n)\n---\n## Part \(n)\n\nWords of extra \(n).\n")
        }
        try site.build()
        let cache = SearchShardCache(paths: site.paths)
        func shardFiles() throws -> [String: FileIdentity] {
            let names = try FileManager.default.contentsOfDirectory(atPath: cache.folder)
            return Dictionary(uniqueKeysWithValues: names.compactMap { name in
                FileIdentity(path: "\(cache.folder)/\(name)").map { (name, $0) }
            })
        }
        let before = try shardFiles()
        #expect(before.count == 2, "\(before.keys.sorted())")
        // The last lesson in reading order is in the second shard.
        let last = try #require(try SearchIndexTests.documents(ofScript: try site.output("assets/search-index.js")).last)
        let slug = try #require(last.path.split(separator: "/").last)
        try site.write("content/intro/\(slug).md", try site.read("content/intro/\(slug).md") + "\nA new sentence.\n")
        #expect(try site.build().rendered == 1)
        let after = try shardFiles()
        #expect(after.count == 2)
        #expect(Set(after.keys).intersection(before.keys).count == 1, "one shard's name changed with its lesson's digest")
        for (name, identity) in after where before[name] != nil {
            #expect(before[name] == identity, "the unchanged shard's file is not written again")
        }
        try Self.expectSameAsCleanBuild(site)
        // A damaged shard file is made again, not copied into the script.
        for name in after.keys { try "damaged".write(toFile: "\(cache.folder)/\(name)", atomically: true, encoding: .utf8) }
        try Edit.prose.apply(to: site)
        try site.build()
        try Self.expectSameAsCleanBuild(site)
    }

    /// The shard folder of the cache made a link to a folder of the author's: the build reads, writes and removes
    /// nothing there (every shard is made), and writes what a clean build writes. In the cache's own folder, a file not
    /// named as a shard stays.
    @Test func aShardFolderThatLeadsElsewhereIsNotTouched() throws {
        let site = try Self.site()
        defer { site.remove() }
        try site.build()
        let cache = SearchShardCache(paths: site.paths)
        try "mine".write(toFile: cache.folder + "/notes.txt", atomically: false, encoding: .utf8)
        try Edit.prose.apply(to: site)
        try site.build()
        #expect(try String(contentsOfFile: cache.folder + "/notes.txt", encoding: .utf8) == "mine", "not a shard's name")

        let elsewhere = site.root + "/elsewhere"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        let authorFiles = ["0123456789abcdef": "named like a shard", "notes.txt": "the author's"]
        for (name, text) in authorFiles { try text.write(toFile: "\(elsewhere)/\(name)", atomically: false, encoding: .utf8) }
        try FileManager.default.removeItem(atPath: cache.folder)
        try FileManager.default.createSymbolicLink(atPath: cache.folder, withDestinationPath: elsewhere)
        #expect(!cache.isOwnFolder)
        try site.write("content/intro/first.md", try site.read("content/intro/first.md") + "\nOne more sentence.\n")
        try site.build()
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere).sorted() == authorFiles.keys.sorted())
        for (name, text) in authorFiles { #expect(try String(contentsOfFile: "\(elsewhere)/\(name)", encoding: .utf8) == text) }
        try Self.expectSameAsCleanBuild(site)
    }

    /// A kept search index made under another outline than the record's (as a build that failed after saving it leaves
    /// it) is not used: the next build renders every page.
    @Test func aSearchRecordOfAnotherOutlineMakesTheNextBuildRenderEverything() throws {
        let site = try Self.site()
        defer { site.remove() }
        try site.build()
        let store = SearchIndexStore(paths: site.paths)
        let kept = try #require(store.load())
        store.save(kept.index, outline: kept.outline + " (another)")
        try Edit.prose.apply(to: site)
        let report = try site.build()
        #expect(report.rendered == report.pages)
        try Self.expectSameAsCleanBuild(site)
    }

    /// The record's listing of public/ is made from the tree just written (reused files keep their
    /// previous line): it must be what the disk holds, or every next build would render everything.
    @Test func theRecordedListingIsTheOutputFolderAfterEveryKindOfBuild() throws {
        let site = try Self.site()
        defer { site.remove() }
        try site.build()
        for edit in [Edit.prose, .moduleIntro, .title, .proseChangingReadingTime, .experiment] {
            #expect(BuildFingerprint.load(site.paths)?.output == BuildFingerprint.listing(site.paths.output), "before \(edit)")
            try edit.apply(to: site)
            let report = try site.build()
            #expect(report.rendered == (edit.rendered ?? report.pages), "\(edit)")
        }
        #expect(BuildFingerprint.load(site.paths)?.output == BuildFingerprint.listing(site.paths.output))
        try Self.expectSameAsCleanBuild(site)
    }

    /// The cache keeps one replaced site: a build with another output folder removes the one kept for the first, so a
    /// folder given up (a `--output` used once, then deleted) leaves no copy in the cache.
    @Test func theCacheKeepsOneReplacedSite() throws {
        let site = try Self.site()
        defer { site.remove() }
        try site.build()
        try Edit.prose.apply(to: site)
        try site.build()
        let first = SiteBuilder.previousOutput(site.paths)
        #expect(OutputGuard.hasMarker(first))
        let other = BuildPaths(root: site.root, output: "other")
        try SiteBuilder(paths: other, options: BuildOptions()).build()
        // A file and an unmarked folder named like kept sites are not the build's to remove.
        let stray = (site.paths.cache as NSString).appendingPathComponent(SiteBuilder.previousOutputPrefix + "stray-file")
        let unmarked = (site.paths.cache as NSString).appendingPathComponent(SiteBuilder.previousOutputPrefix + "unmarked")
        try "not a site".write(toFile: stray, atomically: false, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: unmarked, withIntermediateDirectories: true)
        try site.write("content/intro/second.md", try site.read("content/intro/second.md") + "\nOne more line.\n")
        try SiteBuilder(paths: other, options: BuildOptions()).build()
        let kept = try FileManager.default.contentsOfDirectory(atPath: site.paths.cache).filter { $0.hasPrefix(SiteBuilder.previousOutputPrefix) }
        #expect(Set(kept) == [(SiteBuilder.previousOutput(other) as NSString).lastPathComponent,
                              (stray as NSString).lastPathComponent, (unmarked as NSString).lastPathComponent])
        #expect(!FileManager.default.fileExists(atPath: first))
        // The first output folder is untouched, and its next build (without a kept site) is still a clean build's.
        #expect(OutputGuard.hasMarker(site.paths.output))
        try site.build()
        try Self.expectSameAsCleanBuild(site)
    }

    /// The site a build replaced is kept in the cache and becomes the next build's staging folder: what
    /// it holds that is not the current output's very file (edited by hand, a link planted in it, a page
    /// that is gone) is replaced or removed, never written through, and the output is a clean build's.
    @Test func theReplacedSiteIsRecycledWithoutTrustingWhatItHolds() throws {
        let site = try Self.site()
        defer { site.remove() }
        try site.build()
        try Edit.prose.apply(to: site)
        try site.build()
        let kept = SiteBuilder.previousOutput(site.paths)
        #expect(OutputGuard.hasMarker(kept))
        let outside = "\(site.root)/outside.txt"
        try "the author's".write(toFile: outside, atomically: true, encoding: .utf8)
        try "tampered".write(toFile: "\(kept)/intro/second/index.html", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: "\(kept)/index.html")
        try FileManager.default.createSymbolicLink(atPath: "\(kept)/index.html", withDestinationPath: outside)
        try FileManager.default.createDirectory(atPath: "\(kept)/gone/deeper", withIntermediateDirectories: true)
        try "old".write(toFile: "\(kept)/gone/deeper/page.html", atomically: true, encoding: .utf8)
        try Edit.moduleIntro.apply(to: site)
        #expect(try site.build().rendered == 1)
        #expect(try String(contentsOfFile: outside, encoding: .utf8) == "the author's")
        try Self.expectSameAsCleanBuild(site)
        // And once more from the site that build replaced.
        try site.write("content/intro/second.md", try site.read("content/intro/second.md") + "\nOne more line.\n")
        try site.build()
        try Self.expectSameAsCleanBuild(site)
        // A full build links the files whose bytes did not change; it keeps the site it replaces only when
        // that one shares at least half of the new site's files, and removes it otherwise.
        // Which files are shared is read from the inodes before and after the build, not from the kept folder, so
        // a build that wrongly removes (or keeps) it is caught.
        func inodes() -> [String: ino_t] {
            var found: [String: ino_t] = [:]
            for path in FolderListing.entries(under: site.paths.output) where path != OutputGuard.markerName {
                var info = stat()
                if lstat("\(site.paths.output)/\(path)", &info) == 0 { found[path] = info.st_ino }
            }
            return found
        }
        let before = inodes()
        try Edit.title.apply(to: site)
        try site.build()
        let after = inodes()
        let shared = after.filter { before[$0.key] == $0.value }
        #expect(shared.count > 0, "the assets' bytes did not change: linked")
        #expect(FileManager.default.fileExists(atPath: kept) == (shared.count * 2 >= after.count))
        #expect(try site.output("intro/first/index.html").contains("The first lesson"))
        try Self.expectSameAsCleanBuild(site)
    }

    /// The lessons an edit does not touch keep the reading times counted when they were last read (`LessonCache`):
    /// a count planted in the cache for an unchanged lesson shows on its module's page once an edit renders it;
    /// the edited lesson is counted again.
    @Test func readingTimesOfUnchangedLessonsComeFromTheLessonCache() throws {
        let site = try Self.site()
        defer { site.remove() }
        try site.build()
        let setup = BuildInputs.setup(site.paths, Self.options)
        let file = LessonCache.file(site.paths)
        var records = try #require(FileManager.default.contents(atPath: file).flatMap { data in
            data.withUnsafeBytes { LessonCache.records(fromRecord: $0.assumingMemoryBound(to: UInt8.self), setup: setup) }
        })
        #expect(records.keys.sorted() == ["content/intro/draft.md", "content/intro/first.md", "content/intro/index.md",
                                          "content/intro/second.md", "content/intro/third.md"])
        records["content/intro/third.md"]?.facts = Lesson.Facts(words: (prose: 200 * 99, code: 0), markdownRuns: [])
        records["content/intro/first.md"]?.facts = Lesson.Facts(words: (prose: 200 * 98, code: 0), markdownRuns: [])
        try Data(LessonCache.record(records, setup: setup)).write(to: URL(fileURLWithPath: file))
        try Edit.proseChangingReadingTime.apply(to: site)
        let report = try site.build()
        #expect(report.rendered == 2, "the edited lesson and its module's page")
        let module = try site.output("intro/index.html")
        #expect(module.contains("99 min"), "unchanged: taken from the cache")
        #expect(!module.contains("98 min"), "edited: counted again")
    }

    @Test func unchangedPagesAreLinkedNotWritten() throws {
        let site = try Self.site()
        defer { site.remove() }
        try site.build()
        let before = try Self.inode("\(site.root)/public/intro/second/index.html")
        let edited = try Self.inode("\(site.root)/public/intro/first/index.html")
        try Edit.prose.apply(to: site)
        try site.build()
        #expect(try Self.inode("\(site.root)/public/intro/second/index.html") == before)
        #expect(try Self.inode("\(site.root)/public/intro/first/index.html") != edited)
    }

    /// The second lesson quotes the third's warm-up block (`warmup: 5` → 0.000600 at step 2).
    static func quotingSite() throws -> SiteTest {
        let site = try Self.site()
        let second = "content/intro/second.md"
        try site.write(second, try site.read(second) + "\nThe warm-up reaches {{ intro/third#third-warmup.warmup_lr[2] | .6f }}.\n")
        return site
    }

    @Test func aChangeToAQuotedBlockRendersThePagesThatQuoteIt() throws {
        let site = try Self.quotingSite()
        defer { site.remove() }
        try site.build()
        #expect(try site.output("intro/second/index.html").contains(">0.000600</a>."))
        try Edit.experiment.apply(to: site)    // warmup: 5 → 4
        let report = try site.build()
        #expect(report.rendered == 2, "the quoted lesson and the one quoting it")
        #expect(try site.output("intro/second/index.html").contains(">0.000750</a>."))
        try Self.expectSameAsCleanBuild(site)
        // Another edit later still knows who quotes what.
        try site.write("content/intro/third.md", try site.read("content/intro/third.md").replacingOnce("warmup: 4}", with: "warmup: 3}"))
        #expect(try site.build().rendered == 2)
        #expect(try site.output("intro/second/index.html").contains(">0.001000</a>."))
        try Self.expectSameAsCleanBuild(site)
    }

    @Test func aPageWhoseQuotedResultsDidNotChangeIsReused() throws {
        let site = try Self.quotingSite()
        defer { site.remove() }
        try site.build()
        let quoting = try Self.inode("\(site.root)/public/intro/second/index.html")
        let third = "content/intro/third.md"
        // The quoted lesson's prose, then the quoted block's title (presentation, not computation).
        for (old, new) in [("Start with the question", "Begin with the question"),
                           ("title: Linear warm-up of the learning rate", "title: A linear warm-up")] {
            try site.write(third, try site.read(third).replacingOnce(old, with: new))
            #expect(try site.build().rendered == 1, "only the quoted lesson's page after '\(new)'")
            #expect(try Self.inode("\(site.root)/public/intro/second/index.html") == quoting)
        }
        try Self.expectSameAsCleanBuild(site)
        // The reused page's quotes were kept in the record: the block's next change still reaches it.
        try Edit.experiment.apply(to: site)
        #expect(try site.build().rendered == 2)
        #expect(try site.output("intro/second/index.html").contains(">0.000750</a>."))
    }

    /// The file's inode number: a file written again gets a new one. A file that cannot be stat'ed fails the test
    /// (an inode of 0 for a missing page would make "not rewritten" pass for nothing).
    static func inode(_ path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> UInt64 {
        var info = stat()
        try #require(stat(path, &info) == 0, "cannot stat \(path): \(String(cString: strerror(errno)))", sourceLocation: sourceLocation)
        return UInt64(info.st_ino)
    }

    static func expectSameAsCleanBuild(_ site: SiteTest, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let clean = try site.cleanCopy()
        defer { clean.remove() }
        try clean.build()
        SiteTest.expectSameOutput(try site.outputTree(), as: try clean.outputTree(), reference: "a clean build",
                                  sourceLocation: sourceLocation)
    }
}
