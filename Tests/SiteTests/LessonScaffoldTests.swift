import Diagnostics
import Foundation
import Testing
@testable import Site
import TestSupport

/// `sitegen new lesson`: the scaffold builds, and nothing is overwritten.
@Suite struct LessonScaffoldTests {
    @Test func newLessonBuildsWithItsExperimentTable() throws {
        let site = try SiteTest(fixture: "basic")
        defer { site.remove() }
        let result = try LessonScaffold(paths: site.paths).create("intro/warm-up")
        #expect(result == LessonScaffold.Result(
            file: "content/intro/warm-up.md", createdModuleFolder: false,
            notes: ["module 'intro' lists its lessons in sitegen.yml: add 'warm-up' to 'lessons: [second, first]' to place it (unlisted lessons come last)"]))
        let report = try site.build()
        #expect(report.pages == 5)
        let html = try site.output("intro/warm-up/index.html")
        #expect(html.contains("<h1>Warm up</h1>"))
        #expect(html.contains("<caption>Linear warm-up of the learning rate</caption>"))
        // lr · min((t + 1) / 5, 1) at t = 0, 2, 4: 0.0002, 0.0006, 0.001.
        #expect(html.contains("<tr><td class=\"num\">0</td><td class=\"num\">0.000200</td></tr>"))
        #expect(html.contains("<tr><td class=\"num\">2</td><td class=\"num\">0.000600</td></tr>"))
        #expect(html.contains("<tr><td class=\"num\">4</td><td class=\"num\">0.001000</td></tr>"))
    }

    @Test func refusesToOverwrite() throws {
        let site = try SiteTest(fixture: "basic")
        defer { site.remove() }
        let before = try site.read("content/intro/first.md")
        #expect(throws: Diagnostic.error(at: nil, "content/intro/first.md already exists; it was left untouched (choose another slug or edit that file)")) {
            try LessonScaffold(paths: site.paths).create("intro/first")
        }
        #expect(try site.read("content/intro/first.md") == before)
    }

    @Test func newModuleFolderAndConfigNote() throws {
        let site = try SiteTest(fixture: "basic")
        defer { site.remove() }
        let result = try LessonScaffold(paths: site.paths).create("schedules/cosine_decay")
        #expect(result.createdModuleFolder)
        #expect(result.notes == ["module 'schedules' is not in sitegen.yml yet: add it under 'modules:' as\n  - slug: schedules\n    title: Schedules"])
        #expect(try site.read("content/schedules/cosine_decay.md").contains("id: cosine-decay-warmup\n"))
        #expect(try site.read("sitegen.yml") == (try String(contentsOfFile: "\(Repository.root)/Tests/SiteTests/Fixtures/basic/sitegen.yml", encoding: .utf8)))
    }

    /// A text file ends with exactly one newline (editors and `git diff` flag a missing one).
    @Test func theFileEndsWithOneNewline() throws {
        let site = try SiteTest(fixture: "basic")
        defer { site.remove() }
        _ = try LessonScaffold(paths: site.paths).create("intro/warm-up")
        let text = try site.read("content/intro/warm-up.md")
        #expect(text.hasSuffix("```\n"))
        #expect(!text.hasSuffix("\n\n"))
    }

    @Test func rejectsBadNames() throws {
        let site = try SiteTest(fixture: "basic")
        defer { site.remove() }
        #expect(throws: Diagnostic.self) { try LessonScaffold(paths: site.paths).create("just-a-slug") }
        #expect(throws: Diagnostic.self) { try LessonScaffold(paths: site.paths).create("intro/Bad Name") }
        #expect(throws: Diagnostic.self) { try LessonScaffold(paths: site.paths).create("intro/index") }
        #expect(throws: Diagnostic.self) { try LessonScaffold(paths: site.paths).create("../x/y") }
    }
}
