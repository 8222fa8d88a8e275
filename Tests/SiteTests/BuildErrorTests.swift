import Diagnostics
import Foundation
import Testing
@testable import Site
import TestSupport

/// Every error case of the foundation: message, location, and the previous output left untouched.
@Suite struct BuildErrorTests {
    /// Builds once successfully, breaks the site with `edit`, and checks the failure.
    func expectFailure(_ edit: (SiteTest) throws -> Void, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [Diagnostic] {
        let site = try SiteTest(fixture: "basic")
        defer { site.remove() }
        try site.build()
        let before = try site.outputTree()
        try edit(site)
        let diagnostics = site.buildFailure(sourceLocation: sourceLocation)
        #expect(try site.outputTree() == before, "the previous public/ must stay intact", sourceLocation: sourceLocation)
        return diagnostics
    }

    @Test func brokenFrontMatterYAML() throws {
        let diagnostics = try expectFailure { site in
            try site.write("content/intro/first.md", "---\ntitle: First\nsummary: [unclosed\n---\nBody\n")
        }
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location?.file == "content/intro/first.md")
        #expect(diagnostics.first?.location?.line == 4)
        #expect(diagnostics.first?.message.hasPrefix("YAML syntax error: ") == true)
    }

    @Test func unknownFrontMatterKey() throws {
        let diagnostics = try expectFailure { site in
            try site.write("content/intro/first.md", "---\ntitle: First\nsumary: typo\n---\nBody\n")
        }
        #expect(diagnostics.map(\.description) == [
            "content/intro/first.md:3:1: error: unknown key 'sumary' in front matter (did you mean 'summary'?)",
        ])
    }

    @Test func missingTitleAndBadDate() throws {
        let diagnostics = try expectFailure { site in
            try site.write("content/intro/first.md", "---\nsummary: x\n---\nBody\n")
            try site.write("content/intro/second.md", "---\ntitle: Second\ndate: March 2026\n---\nBody\n")
        }
        #expect(diagnostics.map(\.description) == [
            "content/intro/first.md:2:1: error: front matter needs a 'title'",
            "content/intro/second.md:3:7: error: 'date' must be written YYYY-MM-DD, not 'March 2026'",
        ])
    }

    @Test func unclosedFrontMatter() throws {
        let diagnostics = try expectFailure { site in
            try site.write("content/intro/first.md", "---\ntitle: First\n\nBody\n")
        }
        #expect(diagnostics.map(\.description) == [
            "content/intro/first.md:1:1: error: front matter is not closed: add a '---' line after its last key",
        ])
    }

    @Test func unknownTemplateVariable() throws {
        let diagnostics = try expectFailure { site in
            let lesson = try site.read("templates/lesson.mustache")
            try site.write("templates/lesson.mustache", lesson.replacingOnce("<h1>{{lesson.title}}</h1>", with: "<h1>{{lesson.titel}}</h1>"))
        }
        let d = try #require(diagnostics.first)
        #expect(d.location?.file == "templates/lesson.mustache")
        #expect(d.location?.line == 4)
        #expect(d.location?.column == 9)
        #expect(d.message.hasPrefix("unknown template variable 'titel' (did you mean 'title'?)"))
    }

    @Test func missingLayout() throws {
        let diagnostics = try expectFailure { site in
            try site.write("content/intro/first.md", "---\ntitle: First\nlayout: wide\n---\nBody\n")
        }
        #expect(diagnostics.map(\.description) == [
            "content/intro/first.md:3:9: error: missing template 'wide': create templates/wide.mustache",
        ])
    }

    @Test func missingBaseLayout() throws {
        let diagnostics = try expectFailure { site in
            try FileManager.default.removeItem(atPath: "\(site.root)/templates/base.mustache")
        }
        #expect(diagnostics.first?.description.hasPrefix("templates/base.mustache:1:1: error: missing template 'base'") == true)
    }

    @Test func templateSyntaxError() throws {
        let diagnostics = try expectFailure { site in
            try site.write("templates/index.mustache", "<p>\n{{#modules}}\n{{title}}\n")
        }
        // At the section left open, with what closes it.
        #expect(diagnostics.map(\.description) == [
            "templates/index.mustache:2:1: error: template syntax error: section 'modules' is never closed: end it with {{/modules}}",
        ])
    }

    @Test("a vertical tab or form feed in a template does not shift the error's line (found by the template fuzzer)")
    func templateSyntaxErrorAfterOtherLineBreaks() throws {
        let diagnostics = try expectFailure { site in
            try site.write("templates/index.mustache", "<p>\u{0B}a\u{0C}b\u{2028}c</p>\n{{/modules}}\n")
        }
        #expect(diagnostics.first?.location?.file == "templates/index.mustache")
        #expect(diagnostics.first?.location?.line == 2)
    }

    @Test func missingModuleFolderAndLesson() throws {
        let diagnostics = try expectFailure { site in
            let config = try site.read("sitegen.yml")
            try site.write("sitegen.yml", config.replacingOnce("lessons: [second, first]", with: "lessons: [second, first, third]")
                + "  - gone\n")
        }
        #expect(diagnostics.map(\.description) == [
            "sitegen.yml:7:5: error: lesson 'third' is listed for module 'intro' but content/intro/third.md does not exist",
            "sitegen.yml:13:5: error: module folder content/gone does not exist: create it, or mark the module 'status: coming-soon'",
        ])
    }

    @Test func unknownConfigKey() throws {
        let diagnostics = try expectFailure { site in
            try site.write("sitegen.yml", "title: X\nbase_ulr: /\nmodules: [intro]\n")
        }
        #expect(diagnostics.map(\.description) == [
            "sitegen.yml:2:1: error: unknown key 'base_ulr' in the site config (did you mean 'base_url'?)",
        ])
    }

    @Test func everyBrokenLessonIsReported() throws {
        let diagnostics = try expectFailure { site in
            try site.write("content/intro/first.md", "no front matter\n")
            try site.write("content/intro/second.md", "---\ntitle: [\n---\n")
        }
        #expect(diagnostics.count == 2)
        #expect(diagnostics.map { $0.location?.file } == ["content/intro/first.md", "content/intro/second.md"])
    }

    @Test func unwritableOutputGivesAClearError() throws {
        let site = try SiteTest(fixture: "basic")
        defer { site.remove() }
        try site.write("blocker", "a file where the output's parent folder should be")
        let builder = SiteBuilder(paths: BuildPaths(root: site.root, output: "blocker/public"), options: BuildOptions())
        #expect(throws: DiagnosticList.self) { try builder.build() }
        do {
            try builder.build()
        } catch {
            #expect(error.diagnostics.first?.message.hasPrefix("cannot write the site to blocker/public:") == true)
        }
    }
}
