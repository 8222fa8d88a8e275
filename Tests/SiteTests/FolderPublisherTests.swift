import Diagnostics
import Foundation
import Testing
@testable import Site

/// `sitegen publish --to DIR`: the deploy folder ends up byte-identical to the built site; unchanged
/// files are not rewritten, stale ones are removed, and folders that may hold the author's files are refused.
@Suite struct FolderPublisherTests {
    /// Path → bytes of every file under `folder`.
    func contents(_ folder: String) -> [String: Data] {
        var found: [String: Data] = [:]
        for (path, type) in FolderPublisher.entries(in: folder) where type == .typeRegular {
            found[path] = FileManager.default.contents(atPath: "\(folder)/\(path)")
        }
        return found
    }

    func modified(_ path: String) throws -> Date {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
    }

    @Test func theFolderMirrorsTheSiteAndOnlyChangedFilesAreWritten() throws {
        let site = try SiteTest(fixture: "basic")
        defer { site.remove() }
        try site.build()
        let deploy = site.root + "/deploy"
        let publisher = FolderPublisher(site: site.paths.output, destination: deploy)
        try publisher.check(paths: site.paths, replaceOutput: false)
        let first = try publisher.publish()
        let expected = contents(site.paths.output)
        #expect(expected[OutputGuard.markerName] != nil)   // so the deploy folder is known as sitegen's
        #expect(contents(deploy) == expected)
        #expect(first.written.count == expected.count && first.removed.isEmpty && first.unchanged == 0)
        // New files come before changed ones, pages last among the new.
        let firstPage = try #require(first.written.firstIndex { $0.hasSuffix(".html") })
        #expect(first.written[..<firstPage].contains { $0.hasPrefix("assets/") })

        // Nothing changed: nothing written, no file touched.
        let stamp = try modified("\(deploy)/intro/first/index.html")
        Thread.sleep(forTimeInterval: 0.02)
        let second = try publisher.publish()
        #expect(second.written.isEmpty && second.removed.isEmpty && second.unchanged == expected.count)
        #expect(try modified("\(deploy)/intro/first/index.html") == stamp)

        // A lesson edit and a new stylesheet: the pages and the asset are written, the old asset removed;
        // a stale file left in the deploy folder, and the folder holding it, go too.
        let oldCSS = try #require(expected.keys.first { $0.hasPrefix("assets/style.") })
        try site.write("templates/assets/style.css", try site.read("templates/assets/style.css") + "\nbody{}\n")
        try site.write("content/intro/second.md", try site.read("content/intro/second.md") + "\nMore.\n")
        try site.write("deploy/old/stale.html", "old")
        try site.build()
        let sitemapStamp = try modified("\(deploy)/sitemap.xml")
        let third = try publisher.publish()
        #expect(contents(deploy) == contents(site.paths.output))
        #expect(third.removed == [oldCSS, "old/stale.html"])
        #expect(!FileManager.default.fileExists(atPath: "\(deploy)/old"))
        #expect(third.written.contains("intro/second/index.html") && third.unchanged > 0)
        #expect(!third.written.contains("sitemap.xml"))
        #expect(try modified("\(deploy)/sitemap.xml") == sitemapStamp)
    }

    @Test func aFileWhereAFolderGoesAndAFolderWhereAFileGoesAreReplaced() throws {
        let site = try SiteTest(fixture: "basic")
        defer { site.remove() }
        try site.build()
        let deploy = site.root + "/deploy"
        try site.write("deploy/\(OutputGuard.markerName)", OutputGuard.markerText)
        try site.write("deploy/intro", "a file where the intro folder goes")
        try site.write("deploy/robots.txt/inner.txt", "a folder where robots.txt goes")
        _ = try FolderPublisher(site: site.paths.output, destination: deploy).publish()
        #expect(contents(deploy) == contents(site.paths.output))
    }

    @Test func foldersThatMayHoldTheAuthorsFilesAreRefusedAndLeftAlone() throws {
        let site = try SiteTest(fixture: "basic")
        defer { site.remove() }
        try site.write("elsewhere/notes.txt", "my notes")
        try site.write("a-file", "text")
        try site.build()
        func refusal(_ destination: String, replace: Bool = false) -> String? {
            do {
                try FolderPublisher(site: site.paths.output, destination: destination).check(paths: site.paths, replaceOutput: replace)
                return nil
            } catch {
                return error.message
            }
        }
        let root = site.root
        // The output guard's rules (OutputGuardTests has their exact words).
        #expect(refusal("/")?.contains("root of the file system") == true)
        #expect(refusal(NSHomeDirectory())?.contains("home folder") == true)
        #expect(refusal(root)?.contains("is the project root") == true)
        #expect(refusal(root + "/content")?.contains("is the content folder") == true)
        #expect(refusal(root + "/templates/assets")?.contains("lies inside the templates folder") == true)
        #expect(refusal(root + "/a-file")?.contains("exists and is not a folder") == true)
        #expect(refusal(root + "/elsewhere")?.contains("was not written by sitegen") == true)
        #expect(refusal(root + "/elsewhere", replace: true) == nil)
        #expect(refusal(root + "/new-folder") == nil)
        // And the build's own output folder, which the next build replaces.
        #expect(refusal(root + "/public") == "cannot publish into public: it is the output folder public, which each build replaces whole; publish into a folder of its own")
        #expect(refusal(root + "/public/sub") == "cannot publish into public/sub: it lies inside the output folder public, which each build replaces whole; publish into a folder of its own")
        #expect(try site.read("elsewhere/notes.txt") == "my notes")
    }
}
