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

    /// What `SiteBuilder` renders for a lesson page: the layout, then the base layout with it as `content`. `body` is
    /// the body or its stand-in.
    func render(_ templates: TemplateSet, layout: String, body: Any) throws -> String {
        var context: [String: Any] = [
            "lesson": ["title": "A <title>", "body": body, "has_toc": true] as [String: Any],
            "page": ["is_home": false] as [String: Any],
            "content": "",
        ]
        context["content"] = try templates.render(layout, context: context)
        return try templates.render("base", context: context)
    }

    /// The page's bytes as `SiteBuilder` makes them: spliced where the layout allows and the check passes, otherwise
    /// rendered with the body itself; and whether they were spliced.
    func page(_ templates: TemplateSet, layout: String, body: String) throws -> (bytes: [UInt8], spliced: Bool) {
        try PageSplice.page(body: body, splices: templates.splicingLayouts.contains(layout)) { body in
            try render(templates, layout: layout, body: body)
        }
    }

    static let bodies = ["<p>x</p>\n", "<p>x</p>", "<p>x</p>\r\n", "", "\n", "<pre>a\n  b</pre>\n\n"]

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
            for text in [body] + Self.bodies {
                let made = try page(set, layout: layout, body: text)
                #expect(made.spliced == !text.isEmpty, "\(layout)")
                #expect(made.bytes == Array(try render(set, layout: layout, body: text).utf8), "\(layout) \(text.debugDescription)")
            }
        }
        // A body that holds the marker's first bytes, or the id itself, is put in as it is.
        for odd in ["<!--sitegen-body-", "<!--", PageSplice.id, "<!--sitegen-body-\(PageSplice.id)"] {
            let made = try page(set, layout: "twice", body: odd)
            let rendered = Array(try render(set, layout: "twice", body: odd).utf8)
            #expect(made.spliced && made.bytes == rendered)
        }
    }

    /// Templates that print the body where no scan of their tags sees it: `{{.}}` in a section over a flag, or in an
    /// inverted section, prints the whole context; `{{#.}}` pushes the lesson again; a Prepend character joins `{{{` into
    /// an escaped tag. The stand-in's description gives them away and the page is rendered with the body itself; an
    /// indented partial after a lone carriage return is spliced, its indentation kept by the marker's line break.
    @Test func whatTheScanMissesTheCheckAfterRenderingCatches() throws {
        let (set, folder) = try templates([
            "flag": "{{{lesson.body}}}{{#lesson.has_toc}}<i>{{.}}</i>{{/lesson.has_toc}}",
            "inverted": "{{{lesson.body}}}{{^page.is_home}}<i>{{.}}</i>{{/page.is_home}}",
            "again": "{{{lesson.body}}}{{#lesson}}{{#.}}<i>{{.}}</i>{{/.}}{{/lesson}}",
            "prepend": "\u{0600}{{{lesson.body}}}",
            "carriage": "{{! x }}\r  {{> partials/main}}\n</div>\n",
            "partials/main": "<main>\n{{{lesson.body}}}\n</main>\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for layout in ["flag", "inverted", "again", "prepend", "carriage"] {
            #expect(set.splicingLayouts.contains(layout), "\(layout): the tag scan lets it through")
            for body in Self.bodies {
                let made = try page(set, layout: layout, body: body)
                #expect(made.spliced == (layout == "carriage" && !body.isEmpty), "\(layout) \(body.debugDescription)")
                #expect(!String(decoding: made.bytes, as: UTF8.self).contains(PageSplice.id), "\(layout) \(body.debugDescription)")
                // A page that prints a dictionary whole is not the same twice (Swift orders each dictionary by its own
                // seed); the others are compared byte for byte.
                if ["prepend", "carriage"].contains(layout) {
                    #expect(made.bytes == Array(try render(set, layout: layout, body: body).utf8), "\(layout) \(body.debugDescription)")
                }
            }
        }
    }

    /// Any tag that may print the body otherwise than raw and whole keeps the layout from splicing: escaped, as a
    /// section, through a transform, in a partial, or in the base layout; so does a base layout that prints
    /// `content` escaped. So do what would print the body inside something else (`{{lesson}}`, `{{.}}`), an indented
    /// partial that prints it, any transform (a sorted dictionary prints its entries, `content` among them, in forms
    /// the check after rendering cannot tell), and what the tag scan cannot follow: inheritance and changed delimiters.
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
            "entries": "{{{lesson.body}}}{{#sorted(.)}}{{#odd()}}{{{.}}}{{/odd()}}{{/sorted(.)}}",
            "transformedOther": "{{{lesson.body}}}{{#sorted(lesson)}}{{#first()}}{{{lowercased(value)}}}{{/first()}}{{/sorted(lesson)}}",
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for layout in ["escaped", "section", "inverted", "inner", "transform", "viaPartial", "child", "block", "whole",
                       "implicit", "delimiters", "indented", "missing", "topItem", "itemInPartial", "entries",
                       "transformedOther"] {
            #expect(!set.splicingLayouts.contains(layout), "\(layout)")
        }
        #expect(set.splicingLayouts.contains("parent"))
        #expect(set.splicingLayouts.contains("flush"))
        #expect(set.splicingLayouts.contains("otherItems"), "{{.}} over values that do not hold the body")
        // The two partial layouts differ only in the indent; both give the rendered bytes.
        for layout in ["flush", "indented"] {
            for body in Self.bodies {
                #expect(try page(set, layout: layout, body: body).bytes == Array(try render(set, layout: layout, body: body).utf8))
            }
        }

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
