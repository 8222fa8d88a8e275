import Markdown
import SyntaxHighlight
import Escaping

/// Writes a fenced code block as a figure-like box: an optional title bar (`title="…"`, with a
/// download link when the file is published beside the page) over the code, with the language kept
/// as `class="language-x"` and tokens highlighted at build time for the languages the highlighter
/// knows (others are escaped plainly). A long listing (see `FoldedListing`) ends in a bar that unfolds it.
enum CodeBlockRenderer {
    static func render(fence: FenceInfo, code: String, fold: FoldedListing? = nil) -> String {
        let language = fence.language
        let body = (language.isEmpty ? nil : SyntaxHighlighter.highlight(code, language: language)) ?? HTMLEscape.escape(code)
        let cls = language.isEmpty ? "" : " class=\"language-\(HTMLEscape.escape(language))\""
        var html = fold.map { "<div class=\"code-block code-folded\" style=\"--shown-lines:\($0.shown)\">\n" } ?? "<div class=\"code-block\">\n"
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
        // Appended piece by piece: the highlighted body is most of the block, copied once.
        html += "<code" + cls + ">"
        html += body
        html += "</code></pre>\n"
        if let fold {
            // Folding is CSS keyed on this toggle (styled in style.css); the whole text stays in the <pre>.
            html += "<div class=\"code-fold\"><details><summary><span class=\"fold-show\">Show all \(fold.lines) lines</span>"
            html += "<span class=\"fold-hide\">Show the first \(fold.shown) lines only</span></summary></details>"
            if let download = fence.attributes["download"] {
                html += "<a href=\"\(HTMLEscape.escape(download))\" download>Download \(HTMLEscape.escape(download))</a>"
            }
            html += "</div>\n"
        }
        return html + "</div>\n"
    }
}
