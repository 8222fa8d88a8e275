import Diagnostics
import Foundation
import Site

extension FuzzTargets {
    /// Where the template fuzzer keeps its templates folder: one per process, reused for every input.
    static let templateFolder: String = {
        _ = scratchRemovedAtExit
        let folder = scratchFolder("template")
        try? FileManager.default.createDirectory(atPath: folder + "/partials", withIntermediateDirectories: true)
        return folder
    }()

    /// What a lesson page's template sees: text with markup in it (which `{{…}}` must escape), a list,
    /// a flag, nested objects.
    static var templateContext: [String: Any] {
        [
        "site": ["title": "Fuzz <b>&</b> \"co\"", "base_url": "/courses/ml/", "language": "en"],
        "lesson": ["title": "<script>alert(1)</script>", "summary": "a 'summary' & more", "has_toc": true,
                   "toc": [["id": "a", "title": "A", "sub": false], ["id": "b", "title": "<i>B</i>", "sub": true]],
                   "body": "<p>body</p>", "reading_time": 3, "next": ["url": "/n/", "title": "Next"]],
        "content": "<p>content</p>",
        ]
    }

    /// A page template's bytes, as `TemplateSet` loads and renders them: the input is the template
    /// `page` (split at a line `----` into `page` and the partial `partials/part`, so partials and
    /// their cycles are fuzzed too), checked against the context's names and rendered. An error must
    /// point into one of the two files (line and column inside its text); `{{ name }}` output must
    /// never contain the context's `<script>` unescaped unless the template asks for raw output.
    public static func template(_ bytes: [UInt8]) -> Outcome {
        let text = String(decoding: bytes, as: UTF8.self)
        let parts = text.components(separatedBy: "\n----\n")
        let page = parts[0], partial = parts.count > 1 ? parts[1...].joined(separator: "\n----\n") : "{{site.title}}"
        let fm = FileManager.default
        let folder = templateFolder
        guard fm.createFile(atPath: folder + "/page.mustache", contents: Data(page.utf8)),
              fm.createFile(atPath: folder + "/partials/part.mustache", contents: Data(partial.utf8)) else {
            fatalError("the template fuzzer cannot write into \(folder)")
        }
        let templates: TemplateSet
        do {
            templates = try TemplateSet(folder: folder, displayFolder: "templates")
        } catch {
            for diagnostic in error.diagnostics { checkLocation(diagnostic, page: page, partial: partial) }
            return rejected(error.diagnostics)
        }
        do {
            let html = try templates.render("page", context: templateContext, itemNames: ["id", "title", "sub"])
            if html.contains("<script>alert(1)"), !page.contains("{{{"), !page.contains("{{&"), !partial.contains("{{{"),
               !partial.contains("{{&"), !page.contains("{{="), !partial.contains("{{=") {
                fatalError("a {{variable}} was rendered unescaped: \(page.debugDescription)")
            }
            return .accepted("\(html.utf8.count)")
        } catch {
            checkLocation(error, page: page, partial: partial)
            return rejected([error])
        }
    }

    /// Traps when a template diagnostic points outside the file it names.
    private static func checkLocation(_ diagnostic: Diagnostic, page: String, partial: String) {
        guard let location = diagnostic.location else { fatalError("a template error without a location: \(diagnostic)") }
        let text = location.file.hasSuffix("part.mustache") ? partial : page
        // Lines end at "\n" only, as the reader counts them ("\r\n" is one Character, so not split on Characters).
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard location.line >= 1, location.line <= lines.count + 1, location.column >= 1 else {
            fatalError("template error at \(location) outside its \(lines.count) lines: \(diagnostic)")
        }
    }
}
