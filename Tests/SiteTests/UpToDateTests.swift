import Foundation
import Testing
@testable import Site
import TestSupport

/// The up-to-date check of `sitegen build`: a second build with nothing changed is skipped; any change to
/// what a build reads, or to what it wrote, makes the next one run in full.
@Suite struct UpToDateTests {
    static let options = BuildOptions(skipWhenUpToDate: true)

    @Test func nothingChangedSkipsTheBuild() throws {
        let site = try SiteTest(fixture: "basic", options: Self.options)
        defer { site.remove() }
        let first = try site.build()
        #expect(first.upToDate == false)
        let before = try site.outputTree()
        let second = try site.build()
        #expect(second.upToDate)
        #expect(second.pages == first.pages)
        #expect(second.files == before.count)
        #expect(try site.outputTree() == before)
    }

    @Test(arguments: ["lesson", "template", "asset", "config", "new file", "output edited", "output deleted", "base url"])
    func aChangeMakesTheBuildRun(change: String) throws {
        let site = try SiteTest(fixture: "basic", options: Self.options)
        defer { site.remove() }
        try site.build()
        #expect(try site.build().upToDate)
        var builder = site.builder
        switch change {
        case "lesson": try site.write("content/intro/first.md", try site.read("content/intro/first.md") + "\nMore.\n")
        case "template": try site.write("templates/lesson.mustache", try site.read("templates/lesson.mustache") + "\n")
        case "asset": try site.write("templates/assets/extra.js", "// new\n")
        case "config": try site.write("sitegen.yml", try site.read("sitegen.yml").replacingOnce("Fixture Course", with: "Renamed"))
        case "new file": try site.write("content/intro/data.py", "print(1)\n")
        case "output edited": try site.write("public/index.html", "hand-edited")
        case "output deleted": try FileManager.default.removeItem(atPath: "\(site.root)/public/404.html")
        default: builder.options.baseURL = "/elsewhere/"
        }
        let report = try builder.build()
        #expect(!report.upToDate)
        #expect(try site.output("index.html") != "hand-edited")
        #expect(FileManager.default.fileExists(atPath: "\(site.root)/public/404.html"))
        #expect(try builder.build().upToDate)
    }

    @Test func aFailedBuildIsNeverUpToDate() throws {
        let site = try SiteTest(fixture: "basic", options: Self.options)
        defer { site.remove() }
        try site.build()
        let lesson = try site.read("content/intro/first.md")
        try site.write("content/intro/first.md", "no front matter\n")
        _ = site.buildFailure()
        try site.write("content/intro/first.md", lesson)
        // The inputs are back as they were, but the last build failed: this one must run.
        #expect(try site.build().upToDate == false)
    }

    @Test func aCutShortFingerprintIsIgnored() throws {
        let site = try SiteTest(fixture: "basic", options: Self.options)
        defer { site.remove() }
        try site.build()
        let file = BuildFingerprint.file(site.paths)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try String(text.prefix(text.count / 2)).write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try site.build().upToDate == false)
    }
}
