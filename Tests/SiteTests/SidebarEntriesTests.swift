import Foundation
import Testing
@testable import Site

/// The sidebar rendered once per module and page depth (`SidebarEntries`, `partials/nav-module`) gives
/// every page the bytes the one-template sidebar, rendered page by page, gave it.
@Suite struct SidebarEntriesTests {
    /// `partials/sidebar` as it was before `partials/nav-module`: every module's entry rendered for each page.
    static let oneTemplateSidebar = """
        <nav class="sidebar" aria-label="Course contents">
          <details class="sidebar-details" open>
            <summary>Course contents</summary>
            <ol class="nav-modules">
              {{#nav}}
              <li class="nav-module{{#current}} is-current{{/current}}">
                {{#url}}<a href="{{url}}"{{#current_page}} aria-current="page"{{/current_page}}{{^current_page}}{{#current}} aria-current="true"{{/current}}{{/current_page}}>{{title}}</a>{{/url}}
                {{^url}}<span class="nav-soon">{{title}} <small>coming soon</small></span>{{/url}}
                {{#has_lessons}}
                <ol class="nav-lessons">
                  {{#lessons}}<li><a href="{{url}}"{{#current}} aria-current="page"{{/current}}>{{title}}</a></li>{{/lessons}}
                </ol>
                {{/has_lessons}}
              </li>
              {{/nav}}
            </ol>
          </details>
          <script>if(window.matchMedia&&matchMedia("(max-width: 59.99rem)").matches)document.currentScript.previousElementSibling.open=false</script>
        </nav>

        """

    /// Three modules of three lessons (one with a landing page) and one coming soon, so that pages of
    /// every depth show entries of modules they are in and are not in.
    func course() throws -> SiteTest {
        let site = try SiteTest(fixture: "basic")
        try FileManager.default.removeItem(atPath: site.root + "/content/intro")
        var config = "title: Sidebar course\ndescription: Modules and lessons.\nbase_url: https://example.org/ml/\nlanguage: en\nmodules:\n"
        for module in ["alpha", "beta", "gamma"] {
            config += "  - slug: \(module)\n" + (module == "beta" ? "" : "    title: \(module.capitalized) <module>\n")
            for lesson in 1...3 {
                try site.write("content/\(module)/lesson-\(lesson).md",
                               "---\ntitle: \(module.capitalized) & lesson \(lesson)\nsummary: Lesson \(lesson).\norder: \(lesson)\n---\nSome prose.\n")
            }
        }
        try site.write("content/beta/index.md", "---\ntitle: Beta <module>\nsummary: The second.\n---\nIntro.\n")
        config += "  - slug: later\n    title: Later module\n    summary: Not written yet.\n    status: coming-soon\n"
        try site.write("sitegen.yml", config)
        return site
    }

    @Test func everyPageHasTheSidebarTheOneTemplateGave() throws {
        let site = try course()
        defer { site.remove() }
        try site.build()
        let once = try site.outputTree()

        let reference = try site.cleanCopy()
        defer { reference.remove() }
        try FileManager.default.removeItem(atPath: reference.root + "/templates/partials/nav-module.mustache")
        try reference.write("templates/partials/sidebar.mustache", Self.oneTemplateSidebar)
        try reference.build()
        let perPage = try reference.outputTree()

        SiteTest.expectSameOutput(once, as: perPage, reference: "the one-template sidebar")
        #expect(once["beta/lesson-2/index.html"].map { String(decoding: $0, as: UTF8.self).contains("aria-current=\"page\">Beta &amp; lesson 2<") } == true)
    }
}
