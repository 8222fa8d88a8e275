import Diagnostics
import Testing
@testable import Site

/// What sitegen's template reader refuses, each in compiler form at the tag, and what it reads beyond the
/// specification's own tests (`MustacheSpecTests`): names split once, columns counted in scalars.
@Suite struct TemplateParserTests {
    func error(_ text: String) -> String? {
        do {
            _ = try TemplateParser.parse(text, file: "templates/page.mustache")
            return nil
        } catch {
            return error.description
        }
    }

    @Test func tagsAreNestedWithTheirNamesSplitAndTheirLocations() throws {
        let template = try TemplateParser.parse("é {{ lesson.title }}\n{{#toc}}\n  {{> partials/item}}\n{{/toc}}\n", file: "t")
        guard case .text(let first) = template.nodes[0],
              case .variable(let name, let escaped, let at) = template.nodes[1],
              case .section(let toc, false, let inner, let tocAt) = template.nodes[3] else {
            Issue.record("unexpected nodes: \(template.nodes)")
            return
        }
        #expect(first == Array("é ".utf8))
        #expect(name == .path(["lesson", "title"]) && escaped)
        #expect([at.line, at.column] == [1, 3])
        #expect(toc == .path(["toc"]) && [tocAt.line, tocAt.column] == [2, 1])
        // The partial stands alone on its line: no text around it, its spaces kept as its indentation.
        guard inner.count == 1, case .partial("partials/item", let indentation?, let partialAt) = inner[0] else {
            Issue.record("unexpected section content: \(inner)")
            return
        }
        #expect(indentation == Array("  ".utf8) && [partialAt.line, partialAt.column] == [3, 3])
    }

    @Test func whatSitegenDoesNotReadIsAnErrorAtTheTag() {
        let cases: [(String, String)] = [
            ("a\n {{<base}}{{/base}}", "templates/page.mustache:2:2: error: template syntax error: template inheritance ({{<…}}, {{$…}}) is not supported: include the shared parts as partials ({{> name}})"),
            ("{{$block}}x{{/block}}", "templates/page.mustache:1:1: error: template syntax error: template inheritance ({{<…}}, {{$…}}) is not supported: include the shared parts as partials ({{> name}})"),
            ("{{% CONTENT_TYPE: TEXT}}", "templates/page.mustache:1:1: error: template syntax error: pragmas ({{%…}}) are not supported: remove this tag"),
            ("x {{uppercased(title)}}", "templates/page.mustache:1:3: error: template syntax error: 'uppercased(title)' looks like a transform, which sitegen's templates do not have: name a value the page provides"),
            ("{{lesson..title}}", "templates/page.mustache:1:1: error: template syntax error: 'lesson..title' is not a name: a tag holds one name, like {{title}} or {{lesson.title}}"),
            ("{{a b}}", "templates/page.mustache:1:1: error: template syntax error: 'a b' is not a name: a tag holds one name, like {{title}} or {{lesson.title}}"),
            ("{{}}", "templates/page.mustache:1:1: error: template syntax error: '' is not a name: a tag holds one name, like {{title}} or {{lesson.title}}"),
            ("{{>}}", "templates/page.mustache:1:1: error: template syntax error: a partial needs a template name, like {{> partials/footer}}"),
            ("{{>*dynamic}}", "templates/page.mustache:1:1: error: template syntax error: a partial needs a template name, like {{> partials/footer}}"),
            ("ü {{title", "templates/page.mustache:1:3: error: template syntax error: this tag is never closed: end it with }}"),
            ("{{{raw}}", "templates/page.mustache:1:1: error: template syntax error: this tag is never closed: end it with }}}"),
            ("{{#a}}\n{{#b}}\n{{/a}}", "templates/page.mustache:3:1: error: template syntax error: {{/a}} comes while 'b', opened at 2:1, is still open: close it first with {{/b}}"),
            ("text {{/a}}", "templates/page.mustache:1:6: error: template syntax error: {{/a}} closes no open section: remove it, or open it before with {{#a}}"),
            ("{{=<% %>=}}\n<%/a%>", "templates/page.mustache:2:1: error: template syntax error: <%/a%> closes no open section: remove it, or open it before with <%#a%>"),
            ("{{#a}}\n{{^b}}{{/b}}", "templates/page.mustache:1:1: error: template syntax error: section 'a' is never closed: end it with {{/a}}"),
            ("{{=<% %> x=}}", "templates/page.mustache:1:1: error: template syntax error: a change of delimiters reads {{=<% %>=}}: two delimiters without '=', separated by a space"),
            ("{{=<% %>=}}<%#a%>", "templates/page.mustache:1:12: error: template syntax error: section 'a' is never closed: end it with <%/a%>"),
        ]
        for (text, expected) in cases {
            #expect(error(text) == expected, "\(text)")
        }
    }

    @Test func sectionsNestedTooDeeplyAreRefusedAtTheFirstTooDeepTag() {
        let limit = TemplateParser.maxSectionDepth
        let fine = String(repeating: "{{#a}}", count: limit) + String(repeating: "{{/a}}", count: limit)
        #expect(error(fine) == nil)
        let deep = String(repeating: "{{#a}}\n", count: limit + 1) + String(repeating: "{{/a}}\n", count: limit + 1)
        #expect(error(deep) == "templates/page.mustache:\(limit + 1):1: error: template sections nest deeper than \(limit) levels here; flatten the template")
    }
}

/// How sitegen's page contexts render: the value types `PageContext` builds, and what has no one way to print.
@Suite struct TemplateRendererTests {
    func render(_ text: String, _ context: [String: Any], partials: [String: String] = [:],
                maxSteps: Int = TemplateRenderer.maxSteps) throws -> String {
        var templates: [String: Template] = [:]
        for (name, source) in partials { templates[name] = try TemplateParser.parse(source, file: name) }
        var renderer = TemplateRenderer(templates: templates, context: context, maxSteps: maxSteps)
        try renderer.render(try TemplateParser.parse(text, file: "page"))
        return String(decoding: renderer.output, as: UTF8.self)
    }

    @Test func pageContextsRender() throws {
        let context: [String: Any] = [
            "assets": ["style_css": "assets/style.1234.css"] as [String: String],
            "lesson": ["title": "Adam", "toc": [["id": "a", "title": "A", "sub": false], ["id": "b", "title": "B", "sub": true]],
                       "reading_time": 12, "has_toc": true, "next": false] as [String: Any],
            "flags": [true, false],
        ]
        #expect(try render("{{assets.style_css}}", context) == "assets/style.1234.css")
        #expect(try render("{{#lesson.has_toc}}{{#lesson.toc}}<a href=\"#{{id}}\"{{#sub}} class=\"sub\"{{/sub}}>{{title}} of {{lesson.title}}</a>{{/lesson.toc}}{{/lesson.has_toc}}", context)
                == "<a href=\"#a\">A of Adam</a><a href=\"#b\" class=\"sub\">B of Adam</a>")
        #expect(try render("{{lesson.reading_time}} min{{^lesson.next}}, last{{/lesson.next}}{{#flags}}[{{.}}]{{/flags}}", context)
                == "12 min, last[true][false]")
        // A name missing from every context prints nothing; a dotted name does not climb past its first part.
        #expect(try render("<{{missing}}|{{lesson.site}}>", context) == "<|>")
    }

    @Test func aGroupOfValuesHasNoTextAndIsAnErrorAtTheTag() throws {
        let context: [String: Any] = ["lesson": ["title": "Adam", "toc": [] as [Any]] as [String: Any], "list": ["a", "b"]]
        for (text, expected) in [
            ("x {{lesson}}", "page:1:3: error: template variable 'lesson' holds named values, not text: print one of them, like {{lesson.title}}, or open it as a section, {{#lesson}}…{{/lesson}}, to name them on their own"),
            ("{{#lesson}} {{{.}}}{{/lesson}}", "page:1:13: error: template variable '.' holds named values, not text: print one of them, like {{title}}, or open it as a section, {{#.}}…{{/.}}, to name them on their own"),
            ("{{list}}", "page:1:1: error: template variable 'list' is a list, not text: show its items with a section, {{#list}}…{{/list}}, whose content is repeated for each item"),
        ] {
            #expect(throws: Diagnostic.self) { try render(text, context) }
            do { _ = try render(text, context) } catch { #expect((error as? Diagnostic)?.description == expected) }
        }
    }

    /// A section over `true` makes it the context, as over any other value (so `{{.}}` prints it); names still reach
    /// the contexts around it.
    @Test func aSectionOverTrueIsItsOwnContext() throws {
        #expect(try render("{{#t}}[{{.}} {{name}}]{{/t}}{{^f}}<{{name}}>{{/f}}", ["t": true, "f": false, "name": "n"]) == "[true n]<n>")
    }

    /// Nested lists repeat for every combination of items: a rendering that passes its step budget stops with an error
    /// at the section it was in.
    @Test func aRenderingThatRepeatsWithoutBoundIsStopped() throws {
        // A small budget, so that the test passes it quickly: the 2^10 leaves and the sections above them take 2 047 steps.
        let nested = String(repeating: "{{#l}}", count: 10) + "x" + String(repeating: "{{/l}}", count: 10)
        #expect(try render(nested, ["l": [1, 2]], maxSteps: 2_047).count == 1024)
        do {
            _ = try render(nested, ["l": [1, 2]], maxSteps: 2_046)
            Issue.record("no error")
        } catch {
            #expect((error as? Diagnostic)?.description.hasPrefix("page:1:") == true)
            #expect((error as? Diagnostic)?.message.hasPrefix("this template repeats its content more than 2046 times for one page") == true)
        }
    }

    /// A partial alone on an indented line is indented line by line; a value's own line breaks are not.
    @Test func anIndentedPartialIndentsItsTemplateLinesNotItsValues() throws {
        let out = try render("<ul>\n  {{> item}}\n</ul>\n", ["body": "one\ntwo"],
                             partials: ["item": "<li>\n{{{body}}}\n</li>\n{{#missing}}\nx\n{{/missing}}\n"])
        #expect(out == "<ul>\n  <li>\n  one\ntwo\n  </li>\n</ul>\n")
    }

    /// A partial alone on its line takes the line's place, so what follows it starts a line, even when the partial
    /// ended with a value's line break (found in review: the next line lost its indentation).
    @Test func whatFollowsANestedPartialIsIndented() throws {
        #expect(try render("  {{>p1}}\n", ["nl": "one\n"], partials: ["p1": "{{>p2}}\nafter\n", "p2": "{{{nl}}}"]) == "  one\n  after\n")
        #expect(try render("  {{>p1}}\n", ["items": ["a\n", "b\n"]],
                           partials: ["p1": "{{#items}}\n{{>p2}}\n{{/items}}\nend\n", "p2": "{{{.}}}"]) == "  a\n  b\n  end\n")
        // A partial with text beside it is not alone on its line: nothing is indented.
        #expect(try render("x {{>p}}\n", [:], partials: ["p": "a\nb\n"]) == "x a\nb\n\n")
    }
}
