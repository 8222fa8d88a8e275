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
        let cls = language.isEmpty ? "" : " class=\"language-\(HTMLEscape.escape(language))\""
        var head = fold.map { "<div class=\"code-block code-folded\" style=\"--shown-lines:\($0.shown)\">\n" } ?? "<div class=\"code-block\">\n"
        if let title = fence.attributes["title"] {
            head += "<div class=\"code-title\">"
            if let download = fence.attributes["download"] {
                head += "<a href=\"\(HTMLEscape.escape(download))\" download>\(HTMLEscape.escape(title))</a>"
            } else {
                head += HTMLEscape.escape(title)
            }
            head += "</div>\n"
        }
        // A long line scrolls the block sideways: the block is focusable (and named) so keyboard users can scroll it.
        let name = fence.attributes["title"] ?? (language.isEmpty ? "" : language)
        head += "<pre tabindex=\"0\" role=\"group\" aria-label=\"\(HTMLEscape.escape(name.isEmpty ? "Code" : "Code: " + name))\">"
        head += "<code" + cls + ">"
        var tail = "</code></pre>\n"
        if let fold {
            // Folding is CSS keyed on this toggle (styled in style.css); the whole text stays in the <pre>.
            tail += "<div class=\"code-fold\"><details><summary><span class=\"fold-show\">Show all \(fold.lines) lines</span>"
            tail += "<span class=\"fold-hide\">Show the first \(fold.shown) lines only</span></summary></details>"
            if let download = fence.attributes["download"] {
                tail += "<a href=\"\(HTMLEscape.escape(download))\" download>Download \(HTMLEscape.escape(download))</a>"
            }
            tail += "</div>\n"
        }
        tail += "</div>\n"
        // The listing is most of the block: highlighted into one buffer with the markup around it, so it is copied once.
        if !language.isEmpty, let known = SyntaxHighlighter.Language(name: language) {
            return SyntaxHighlighter.highlight(code, language: known, between: head, and: tail)
        }
        return head + HTMLEscape.escape(code) + tail
    }
}
