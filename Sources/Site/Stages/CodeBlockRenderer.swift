import Markdown
import SyntaxHighlight

/// Writes a fenced code block as a figure-like box: an optional title bar (`title="…"`, with a
/// download link when the file is published beside the page) over the code, with the language kept
/// as `class="language-x"` and tokens highlighted at build time for the languages the highlighter
/// knows (others are escaped plainly).
enum CodeBlockRenderer {
    static func render(info: String, code: String) -> String {
        let fence = FenceInfo(info)
        let language = fence.language
        let body = (language.isEmpty ? nil : SyntaxHighlighter.highlight(code, language: language)) ?? HTMLEscape.escape(code)
        let cls = language.isEmpty ? "" : " class=\"language-\(HTMLEscape.escape(language))\""
        var html = "<div class=\"code-block\">\n"
        if let title = fence.attributes["title"] {
            html += "<div class=\"code-title\">"
            if let download = fence.attributes["download"] {
                html += "<a href=\"\(HTMLEscape.escape(download))\" download>\(HTMLEscape.escape(title))</a>"
            } else {
                html += HTMLEscape.escape(title)
            }
            html += "</div>\n"
        }
        // A long line scrolls the block sideways: the block is focusable (and named) so keyboard users can scroll it.
        let name = fence.attributes["title"] ?? (language.isEmpty ? "" : language)
        html += "<pre tabindex=\"0\" role=\"group\" aria-label=\"\(HTMLEscape.escape(name.isEmpty ? "Code" : "Code: " + name))\">"
        html += "<code\(cls)>\(body)</code></pre>\n</div>\n"
        return html
    }
}
