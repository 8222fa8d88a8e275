import Foundation
import Testing
@testable import Site

/// A lesson's body spliced into its page's bytes (`PageSplice`) gives the bytes rendering the body through the
/// templates gives, and is used only where the templates print the body raw and whole.
@Suite struct PageSpliceTests {
    /// A template folder with `base` and the given templates, read as a `TemplateSet`.
    func templates(base: String = "<main>{{{content}}}</main>\n", _ files: [String: String]) throws -> (TemplateSet, String) {
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("sitegen-splice-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: folder + "/partials", withIntermediateDirectories: true)
        for (name, text) in files.merging(["base": base], uniquingKeysWith: { mine, _ in mine }) {
            try text.write(toFile: "\(folder)/\(name).mustache", atomically: true, encoding: .utf8)
        }
        return (try TemplateSet(folder: folder, displayFolder: "templates"), folder)
    }

    /// What `SiteBuilder` renders for a lesson page: the layout, then the base layout with it as `content`.
    func render(_ templates: TemplateSet, layout: String, body: String) throws -> String {
        var context: [String: Any] = ["lesson": ["title": "A <title>", "body": body] as [String: Any], "content": ""]
        context["content"] = try templates.render(layout, context: context)
        return try templates.render("base", context: context)
    }

    @Test func splicedBytesAreTheRenderedBytes() throws {
        let body = "<p>Prose with é, <code>&lt;tags&gt;</code> and a\u{0}byte</p>\n<pre><span class=\"tok\">x</span></pre>"
        let (set, folder) = try templates([
            "once": "<h1>{{lesson.title}}</h1>{{{lesson.body}}}<footer/>",
            "twice": "{{#lesson}}{{{body}}}<hr>{{&body}}{{/lesson}}",
            "never": "<h1>{{lesson.title}}</h1>",
            "partial": "<article>{{> partials/body}}</article>",
            "partials/body": "{{{lesson.body}}}",
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for layout in ["once", "twice", "never", "partial"] {
            #expect(set.splicingLayouts.contains(layout), "\(layout)")
            let spliced = PageSplice.bytes(try render(set, layout: layout, body: PageSplice.marker), inserting: body)
            #expect(spliced == Array(try render(set, layout: layout, body: body).utf8), "\(layout)")
        }
        // A body that is empty, or that holds the marker's first bytes, is put in as it is.
        for odd in ["", "<!--sitegen-body-", "<!--"] {
            #expect(PageSplice.bytes(try render(set, layout: "twice", body: PageSplice.marker), inserting: odd)
                    == Array(try render(set, layout: "twice", body: odd).utf8))
        }
    }

    /// Any tag that may print the body otherwise than raw and whole keeps the layout from splicing: escaped, as a
    /// section, through a transform, in a partial, or in the base layout; so does a base layout that prints
    /// `content` escaped. So do what would print the body inside something else (`{{lesson}}`, `{{.}}`), an indented
    /// partial that prints it, and what the tag scan cannot follow: inheritance and changed delimiters.
    @Test func layoutsThatPrintTheBodyOtherwiseAreNotSpliced() throws {
        let (set, folder) = try templates([
            "escaped": "{{{lesson.body}}}<pre>{{lesson.body}}</pre>",
            "section": "{{#lesson.body}}<div>{{.}}</div>{{/lesson.body}}",
            "inverted": "{{{lesson.body}}}{{^lesson.body}}none{{/lesson.body}}",
            "inner": "{{#lesson}}{{body}}{{/lesson}}",
            "transform": "{{{uppercased(lesson.body)}}}",
            "viaPartial": "{{> partials/escaped}}",
            "partials/escaped": "{{lesson.body}}",
            "child": "{{<parent}}{{/parent}}",
            "parent": "{{{lesson.body}}}",
            "block": "{{{lesson.body}}}\n{{$note}}x{{/note}}",
            "whole": "{{{lesson.body}}}<!-- {{lesson}} -->",
            "implicit": "{{{lesson.body}}}{{#lesson}}{{{.}}}{{/lesson}}",
            "delimiters": "{{=<% %>=}}\n<div><% lesson.body %></div>\n",
            "indented": "<main>\n  {{> partials/article}}\n</main>\n",
            "partials/article": "<article>\n{{{lesson.body}}}\n</article>\n",
            "flush": "<main>\n{{> partials/article}}\n</main>\n",
            "missing": "{{{lesson.body}}}{{> partials/nowhere}}",
            "topItem": "{{{lesson.body}}}{{.}}",
            "itemInPartial": "{{{lesson.body}}}{{#lesson}}{{> partials/item}}{{/lesson}}",
            "partials/item": "<i>{{.}}</i>",
            "otherItems": "{{{lesson.body}}}{{#lesson.title}}<b>{{.}}</b>{{/lesson.title}}{{#site}}{{> partials/item}}{{/site}}",
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for layout in ["escaped", "section", "inverted", "inner", "transform", "viaPartial", "child", "block", "whole",
                       "implicit", "delimiters", "indented", "missing", "topItem", "itemInPartial"] {
            #expect(!set.splicingLayouts.contains(layout), "\(layout)")
        }
        #expect(set.splicingLayouts.contains("parent"))
        #expect(set.splicingLayouts.contains("flush"))
        #expect(set.splicingLayouts.contains("otherItems"), "{{.}} over values that do not hold the body")
        // The two partial layouts differ only in the indent, which changes what follows a body ending in a line break.
        let body = "<p>x</p>\n"
        #expect(PageSplice.bytes(try render(set, layout: "flush", body: PageSplice.marker), inserting: body)
                == Array(try render(set, layout: "flush", body: body).utf8))
        #expect(try render(set, layout: "indented", body: body) != (try render(set, layout: "indented", body: PageSplice.marker))
                .replacingOccurrences(of: PageSplice.marker, with: body))

        let (escapedBase, other) = try templates(base: "<main>{{content}}</main>", ["lesson": "{{{lesson.body}}}"])
        defer { try? FileManager.default.removeItem(atPath: other) }
        #expect(!escapedBase.splicingLayouts.contains("lesson"))
        let (bodyInBase, third) = try templates(base: "{{{content}}}{{lesson.body}}", ["lesson": "{{{lesson.body}}}"])
        defer { try? FileManager.default.removeItem(atPath: third) }
        #expect(!bodyInBase.splicingLayouts.contains("lesson"))
    }

    /// The bundled templates splice the lesson layout, and a whole site built with them has the bytes it has when
    /// the lesson template keeps the body from being spliced.
    @Test func aSiteBuiltWithTheSpliceIsTheSiteBuiltWithout() throws {
        let site = try SiteTest(fixture: "basic")
        defer { site.remove() }
        try site.build()
        let spliced = try site.outputTree()

        let reference = try site.cleanCopy()
        defer { reference.remove() }
        let lesson = try String(contentsOfFile: reference.root + "/templates/lesson.mustache", encoding: .utf8)
        try reference.write("templates/lesson.mustache", lesson + "{{#lesson.body}}{{/lesson.body}}")
        let set = try TemplateSet(folder: reference.root + "/templates", displayFolder: "templates")
        #expect(!set.splicingLayouts.contains("lesson"))
        #expect(try TemplateSet(folder: site.root + "/templates", displayFolder: "templates").splicingLayouts.contains("lesson"))
        try reference.build()
        let whole = try reference.outputTree()
        #expect(spliced.keys.sorted() == whole.keys.sorted())
        for (path, bytes) in spliced where path.hasSuffix(".html") {
            #expect(bytes == whole[path], "\(path)")
        }
        #expect(spliced.keys.contains { $0.hasSuffix("/index.html") && $0.split(separator: "/").count == 3 })
    }
}
