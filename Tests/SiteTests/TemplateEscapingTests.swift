import Diagnostics
import Foundation
import Testing
@testable import Site

/// Template values are escaped by sitegen's one escaper (`HTMLEscape`): `& < > " '`, found on UTF-8 bytes, so a
/// character joined with the scalars after it is escaped too; errors stand on the template's own lines.
@Suite struct TemplateEscapingTests {
    func templates(_ files: [String: String]) throws -> (TemplateSet, String) {
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("sitegen-escaping-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: "\(folder)/\(name).mustache", atomically: true, encoding: .utf8) }
        do {
            return (try TemplateSet(folder: folder, displayFolder: "templates"), folder)
        } catch {
            // A template that does not parse: the caller gets the error, and no folder is left behind.
            try? FileManager.default.removeItem(atPath: folder)
            throw error
        }
    }

    @Test func valuesAreEscapedOnBytes() throws {
        let (set, folder) = try templates([
            "page": "{{#items}}\n<p title=\"{{.}}\">{{.}}</p>\n{{/items}}\n{{{raw}}}|{{&raw}}\n",
            "first": "{{value}} on the first line\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // `<` and `"` followed by a combining mark are one Character each: a per-character escaper left them as they were.
        let items = ["a < b & c > d", "\"quoted\" and 'single'", "<\u{0338} and \"\u{0301}", "café"]
        let page = try set.render("page", context: ["items": items, "raw": "<b>&amp;</b>"])
        #expect(page == """
            <p title="a &lt; b &amp; c &gt; d">a &lt; b &amp; c &gt; d</p>
            <p title="&quot;quoted&quot; and &#39;single&#39;">&quot;quoted&quot; and &#39;single&#39;</p>
            <p title="&lt;\u{0338} and &quot;\u{0301}">&lt;\u{0338} and &quot;\u{0301}</p>
            <p title="café">café</p>
            <b>&amp;</b>|<b>&amp;</b>

            """)
        #expect(try set.render("first", context: ["value": "x"]) == "x on the first line\n")
    }

    /// An error at a tag is on the tag's line; an unclosed section is reported at its opening tag.
    @Test func syntaxErrorsKeepTheTemplatesOwnLines() throws {
        for (text, line) in [("{{/never}}\n", 1), ("line one\nline two {{/never}}\n", 2), ("a\nb\n{{/x}}\n", 3),
                           ("{{#open}}\n", 1), ("x\n  {{#open}}{{/shut}}", 2)] {
            do {
                let (_, folder) = try templates(["broken": text])
                try? FileManager.default.removeItem(atPath: folder)
                Issue.record("no error for \(text)")
            } catch let error as DiagnosticList {
                #expect(error.diagnostics.first?.location?.line == line, "\(text)")
            }
        }
    }
}
