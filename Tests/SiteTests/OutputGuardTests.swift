import Diagnostics
import Foundation
import Testing
@testable import Site

/// The output-folder rules (`OutputGuard`), each against a real project folder full of the author's
/// files: a refused build, serve, check or new lesson leaves every one of them byte for byte.
@Suite struct OutputGuardTests {
    /// The `basic` fixture plus files an author keeps beside the site: a git folder, notes, drafts.
    static func project() throws -> SiteTest {
        let site = try SiteTest(fixture: "basic")
        try site.write(".git/HEAD", "ref: refs/heads/main\n")
        try site.write(".git/objects/ab/cdef", "\u{1}\u{2}binary-ish\u{0}")
        try site.write("notes.txt", "my notes\n")
        try site.write("drafts/idea.md", "an idea\n")
        return site
    }

    /// Builds `site` with `paths` and expects exactly `message`; the whole project must be unchanged.
    func expectRefused(_ site: SiteTest, _ paths: BuildPaths, options: BuildOptions = BuildOptions(),
                       _ message: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let before = FolderSnapshot(site.root)
        #expect(!before.entries.isEmpty)
        do {
            try SiteBuilder(paths: paths, options: options).build()
            Issue.record("the build succeeded but should have been refused", sourceLocation: sourceLocation)
        } catch {
            #expect(error.diagnostics.map(\.description) == [message], sourceLocation: sourceLocation)
        }
        #expect(FolderSnapshot(site.root) == before, "every file of the project must be left as it was", sourceLocation: sourceLocation)
    }

    static let advice = "choose a folder of its own, such as --output public"

    @Test func outputIsTheProjectRoot() throws {
        let site = try Self.project()
        defer { site.remove() }
        expectRefused(site, BuildPaths(root: site.root, output: "."),
                      "error: the output folder \(site.root) (.) is the project root: a build replaces its output folder whole, which would delete the site config, the lessons, the templates and every other file of the project; \(Self.advice)")
        // The up-to-date check and the fingerprint it keeps are not consulted or touched either.
        expectRefused(site, BuildPaths(root: site.root, output: "."), options: BuildOptions(skipWhenUpToDate: true),
                      "error: the output folder \(site.root) (.) is the project root: a build replaces its output folder whole, which would delete the site config, the lessons, the templates and every other file of the project; \(Self.advice)")
    }

    @Test func outputIsTheContentOrTemplatesFolderOrTheCache() throws {
        let site = try Self.project()
        defer { site.remove() }
        try site.write(".sitegen-cache/experiments/ab/entry", "cached result")
        expectRefused(site, BuildPaths(root: site.root, output: "content"),
                      "error: the output folder content is the content folder: a build replaces its output folder whole, which would delete every lesson; \(Self.advice)")
        expectRefused(site, BuildPaths(root: site.root, output: "templates/"),
                      "error: the output folder templates is the templates folder: a build replaces its output folder whole, which would delete every template; \(Self.advice)")
        expectRefused(site, BuildPaths(root: site.root, output: ".sitegen-cache"),
                      "error: the output folder .sitegen-cache is the result cache: a build replaces its output folder whole, which would delete every cached experiment result; \(Self.advice)")
    }

    @Test func outputContainsTheProject() throws {
        let site = try Self.project()
        defer { site.remove() }
        // Content, templates and config in book/; the output is book/ itself.
        let fm = FileManager.default
        try fm.createDirectory(atPath: site.root + "/book", withIntermediateDirectories: true)
        for item in ["content", "templates", "sitegen.yml"] {
            try fm.moveItem(atPath: "\(site.root)/\(item)", toPath: "\(site.root)/book/\(item)")
        }
        expectRefused(site, BuildPaths(root: site.root, content: "book/content", templates: "book/templates",
                                       config: "book/sitegen.yml", output: "book"),
                      "error: the output folder book contains the content folder book/content: a build replaces its output folder whole, which would delete it; \(Self.advice)")
        expectRefused(site, BuildPaths(root: site.root, content: "book/content", templates: "book/templates",
                                       config: "book/sitegen.yml", output: ".."),
                      "error: the output folder \((site.root as NSString).deletingLastPathComponent) contains the project root \(site.root) (.): a build replaces its output folder whole, which would delete it; \(Self.advice)")
        // Only the config inside the output folder.
        try fm.moveItem(atPath: "\(site.root)/book/content", toPath: "\(site.root)/content")
        try fm.moveItem(atPath: "\(site.root)/book/templates", toPath: "\(site.root)/templates")
        expectRefused(site, BuildPaths(root: site.root, config: "book/sitegen.yml", output: "book"),
                      "error: the output folder book contains the site config book/sitegen.yml: a build replaces its output folder whole, which would delete it; \(Self.advice)")
    }

    @Test func outputInsideContentOrTemplatesOrALinkThere() throws {
        let site = try Self.project()
        defer { site.remove() }
        expectRefused(site, BuildPaths(root: site.root, output: "content/site"),
                      "error: the output folder content/site lies inside the content folder content: the site would be mixed with the files it is built from; \(Self.advice)")
        expectRefused(site, BuildPaths(root: site.root, output: "templates/assets/out"),
                      "error: the output folder templates/assets/out lies inside the templates folder templates: the site would be mixed with the files it is built from; \(Self.advice)")
        // A symbolic link that leads to the project root is caught by its real path.
        try FileManager.default.createSymbolicLink(atPath: site.root + "/drafts/up", withDestinationPath: site.root)
        expectRefused(site, BuildPaths(root: site.root, output: "drafts/up/"),
                      "error: the output folder \(site.root) (.) is the project root: a build replaces its output folder whole, which would delete the site config, the lessons, the templates and every other file of the project; \(Self.advice)")
    }

    /// The advice names a folder the rules accept: never `public` when `public` is the refused folder or lies in it.
    @Test func theSuggestedFolderWouldBeAccepted() throws {
        let site = try Self.project()
        defer { site.remove() }
        let sibling = "../" + (BuildPaths.resolved(site.root) as NSString).lastPathComponent + "-site"
        // `--content .`: every folder of the project lies inside the content folder.
        expectRefused(site, BuildPaths(root: site.root, content: "."),
                      "error: the output folder public lies inside the content folder \(site.root) (.): the site would be mixed with the files it is built from; choose a folder of its own, such as --output \(sibling)")
        // `--content public`: the default output is the content folder.
        try FileManager.default.moveItem(atPath: site.root + "/content", toPath: site.root + "/public")
        expectRefused(site, BuildPaths(root: site.root, content: "public"),
                      "error: the output folder public is the content folder: a build replaces its output folder whole, which would delete every lesson; choose a folder of its own, such as --output site")
        try FileManager.default.moveItem(atPath: site.root + "/public", toPath: site.root + "/content")
        // `publish --to content`: the deploy folder is named by --to, and kept apart from the build's output (public).
        let publisher = FolderPublisher(site: site.root + "/public", destination: site.root + "/content")
        #expect(throws: Diagnostic.error(at: nil, "the output folder content is the content folder: a build replaces its output folder whole, which would delete every lesson; choose a folder of its own, such as --to site")) {
            try publisher.check(paths: site.paths, replaceOutput: false)
        }
    }

    /// A path under a file cannot be written: Foundation's reason is joined to the advice without its full stop.
    @Test func anOutputUnderAFile() throws {
        let site = try Self.project()
        defer { site.remove() }
        do {
            try SiteBuilder(paths: BuildPaths(root: site.root, output: "notes.txt/sub"), options: BuildOptions()).build()
            Issue.record("the build succeeded")
        } catch {
            let message = try #require(error.diagnostics.first?.description)
            #expect(message.hasPrefix("error: cannot write the site to notes.txt/sub: "))
            #expect(message.hasSuffix("; check that its parent exists, is a folder and is writable"))
            #expect(!message.contains(".;"))
        }
        #expect(try String(contentsOfFile: site.root + "/notes.txt", encoding: .utf8) == "my notes\n")
    }

    @Test func outputIsAFileOrASymbolicLink() throws {
        let site = try Self.project()
        defer { site.remove() }
        expectRefused(site, BuildPaths(root: site.root, output: "notes.txt"),
                      "error: the output path notes.txt exists and is not a folder: a build would replace it with the site; move it away or choose another --output")
        try site.write("elsewhere/page.html", "mine")
        let link = site.root + "/public"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: site.root + "/elsewhere")
        // `BuildPaths` resolves the link, so the rules judge the folder it leads to.
        expectRefused(site, BuildPaths(root: site.root),
                      "error: the output folder elsewhere is not empty (1 entry) and was not written by sitegen (it has no .sitegen-output file): a build replaces the whole folder, which would delete what is in it; choose an empty or new folder, or pass --replace-output to replace it")
        // A caller that passes the link itself (a deploy target as typed) is told the link would be replaced.
        #expect(OutputGuard.check(output: link, project: site.paths, replaceOutput: true)?.description ==
                "error: the output path public is a symbolic link (to \(site.root)/elsewhere): a build would replace the link, not the folder it leads to; give the real folder as --output")
    }

    @Test func theRootOfTheFileSystemAndTheHomeFolder() throws {
        // Checked without building (a guard that failed here would cost the machine its files).
        let site = try Self.project()
        defer { site.remove() }
        #expect(OutputGuard.check(output: "/", project: site.paths, replaceOutput: true)?.description ==
                "error: the output folder / is the root of the file system: a build replaces its output folder whole; \(Self.advice)")
        let home = try #require(OutputGuard.homeFolders().first)
        #expect(OutputGuard.check(output: home, project: site.paths, replaceOutput: true)?.description ==
                "error: the output folder \(home) is your home folder: a build replaces its output folder whole, which would delete it; \(Self.advice)")
        let above = (home as NSString).deletingLastPathComponent
        if above != "/" {
            #expect(OutputGuard.check(output: above, project: site.paths, replaceOutput: true)?.description ==
                    "error: the output folder \(above) contains your home folder \(home): a build replaces its output folder whole, which would delete it; \(Self.advice)")
        }
    }

    @Test func aFolderSitegenDidNotWriteNeedsReplaceOutput() throws {
        let site = try Self.project()
        defer { site.remove() }
        try site.write("public/index.html", "my own page")
        try site.write("public/photos/cat.jpg", "\u{FF}\u{D8}jpeg")
        expectRefused(site, BuildPaths(root: site.root),
                      "error: the output folder public is not empty (2 entries) and was not written by sitegen (it has no .sitegen-output file): a build replaces the whole folder, which would delete what is in it; choose an empty or new folder, or pass --replace-output to replace it")
        // With the flag, that folder (and only it) is replaced, and gets the marker.
        let outside = FolderSnapshot(site.root).entries.filter { !$0.key.hasPrefix("public") }
        try SiteBuilder(paths: site.paths, options: BuildOptions(replaceOutput: true)).build()
        #expect(try site.output(OutputGuard.markerName) == OutputGuard.markerText)
        #expect(!FileManager.default.fileExists(atPath: site.root + "/public/photos"))
        #expect(FolderSnapshot(site.root).entries.filter { !$0.key.hasPrefix("public") && !$0.key.hasPrefix(".sitegen-cache") } == outside)
        // Now sitegen wrote it: the next build needs no flag.
        try site.write("content/intro/first.md", "---\ntitle: First again\n---\nBody\n")
        try site.build()
        #expect(try site.output("intro/first/index.html").contains("First again"))
    }

    @Test func emptyOrNewFoldersAreFine() throws {
        let site = try Self.project()
        defer { site.remove() }
        try FileManager.default.createDirectory(atPath: site.root + "/empty", withIntermediateDirectories: true)
        try SiteBuilder(paths: BuildPaths(root: site.root, output: "empty"), options: BuildOptions()).build()
        try SiteBuilder(paths: BuildPaths(root: site.root, output: "new/deeper"), options: BuildOptions()).build()
        #expect(OutputGuard.hasMarker(site.root + "/empty"))
        #expect(OutputGuard.hasMarker(site.root + "/new/deeper"))
        #expect(try site.read("notes.txt") == "my notes\n")
    }

    @Test func twoBuildsGiveTheSameMarker() throws {
        let site = try Self.project()
        defer { site.remove() }
        try site.build()
        let first = try site.outputTree()
        try site.build()
        #expect(try site.outputTree() == first)
        #expect(first[OutputGuard.markerName] == Data(OutputGuard.markerText.utf8))
    }

    @Test func checkAndNewLessonLeaveAForeignFolderAlone() throws {
        let site = try Self.project()
        defer { site.remove() }
        try site.write("public/index.html", "my own page")
        let before = FolderSnapshot(site.root)
        // `check` renders in memory: it never writes the output folder, whatever is there.
        _ = try SiteCheck(paths: site.paths, options: BuildOptions()).run()
        #expect(FolderSnapshot(site.root).entries.filter { !$0.key.hasPrefix(".sitegen-cache") } == before.entries)
        // `new lesson` refuses when its lesson would land in a folder a build replaces.
        #expect(throws: Diagnostic.self) {
            try LessonScaffold(paths: BuildPaths(root: site.root, output: ".")).create("intro/third")
        }
        #expect(!FileManager.default.fileExists(atPath: site.root + "/content/intro/third.md"))
        #expect(FolderSnapshot(site.root).entries.filter { !$0.key.hasPrefix(".sitegen-cache") } == before.entries)
    }

    @Test func newLessonRefusesAModuleFolderThatLeadsOutside() throws {
        let site = try Self.project()
        defer { site.remove() }
        let outside = NSTemporaryDirectory() + "sitegen-outside-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: outside) }
        try FileManager.default.createSymbolicLink(atPath: site.root + "/content/linked", withDestinationPath: outside)
        #expect(throws: Diagnostic.error(at: nil, "content/linked leads outside content (a symbolic link): lessons live inside the content folder")) {
            try LessonScaffold(paths: site.paths).create("linked/lesson")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
    }

    @Test func leftoverCleanupKeepsFoldersWithoutTheMarker() throws {
        let site = try Self.project()
        defer { site.remove() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        // Named like a killed build's staging folder, but the author's: no marker.
        let name = ".public-staging-\(process.processIdentifier)-1700000000000"
        try site.write("\(name)/keep.txt", "mine")
        let before = FolderSnapshot(site.root + "/" + name)
        try site.build()
        #expect(FolderSnapshot(site.root + "/" + name) == before)
    }
}
