import Diagnostics
import Foundation
import Testing
@testable import Site
import TestSupport

/// The README's table of the names templates can use ("Templates") against what each kind of page really provides:
/// a template given a name no page has fails with the list of the names its page provides, and every one of those
/// must be in the table (under "every page" or the page's own row), and every name in the table must be among them.
@Suite struct TemplateContextDocTests {
    /// The table's rows: the first cell's text → the names its second cell lists in backticks, cut at the dots.
    static func documented() throws -> [String: Set<String>] {
        let readme = try String(contentsOfFile: "\(Repository.root)/README.md", encoding: .utf8)
        let marker = "<!-- template-names: checked by Tests/SiteTests/TemplateContextDocTests.swift -->"
        let start = try #require(readme.range(of: marker)).upperBound
        var rows: [String: Set<String>] = [:]
        for line in readme[start...].split(separator: "\n").prefix(while: { $0.hasPrefix("|") }).dropFirst(2) {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 2 else { continue }
            let quoted = cells[1].split(separator: "`", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 1 }.map { String($0.element) }
            rows[cells[0]] = Set(quoted.flatMap { $0.split(separator: ".").map(String.init) })
        }
        return rows
    }

    /// The names a page rendered with `template` provides, as the checker lists them.
    static func provided(by template: String) throws -> Set<String> {
        let site = try SiteTest(fixture: "basic")
        defer { site.remove() }
        let file = "templates/\(template).mustache"
        try site.write(file, try site.read(file) + "{{zzz_no_page_has_this}}\n")
        let message = try #require(site.buildFailure().first?.message)
        let list = try #require(message.range(of: "the page provides ")).upperBound
        return Set(message[list...].components(separatedBy: ", "))
    }

    @Test(arguments: [("lesson", "a lesson (lesson.mustache, or its layout)"), ("module", "a module (module.mustache)"),
                      ("index", "the home page (index.mustache)"), ("404", "the 404 page (404.mustache)")])
    func theTableNamesWhatThePageProvides(_ template: String, _ row: String) throws {
        let rows = try Self.documented()
        let every = try #require(rows["every page"]), own = try #require(rows[row])
        #expect(own.isEmpty == (template == "404"))
        let documented = every.union(own)
        let provided = try Self.provided(by: template)
        // Item names (a list item's keys) are accepted on every page, whether or not it has such a list.
        let real = provided.subtracting(PageContext.itemNames)
        #expect(real.subtracting(documented).sorted() == [], "provided but not in the README's table")
        #expect(documented.subtracting(provided).sorted() == [], "in the README's table but not provided")
    }
}
