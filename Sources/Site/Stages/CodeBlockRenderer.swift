import Markdown
import SyntaxHighlight

/// Writes a fenced code block as a figure-like box: an optional title bar (`title="…"`, with a
/// download link when the file is published beside the page) over the code, with the language kept
/// as `class="language-x"` and tokens highlighted at build time for the languages the highlighter
/// knows (others are escaped plainly). A long listing (see `FoldedListing`) ends in a bar that unfolds it.
enum CodeBlockRenderer {
    static func render(fence: FenceInfo, code: String, fold: FoldedListing? = nil) -> String {
        let language = fence.language
        let title = fence.attributes["title"], download = fence.attributes["download"]
        var head = HTMLBuffer(reservingCapacity: 256)
        if let fold {
            head.append("<div class=\"code-block code-folded\" style=\"--shown-lines:")
            head.append(fold.shown)
            head.append("\">\n")
        } else {
            head.append("<div class=\"code-block\">\n")
        }
        /// `<a href="download" download>label</a>`.
        func appendDownload(_ download: String, label: String, to buffer: inout HTMLBuffer) {
            buffer.append("<a href=\"")
            buffer.append(escaping: download)
            buffer.append("\" download>")
            buffer.append(escaping: label)
            buffer.append("</a>")
        }
        if let title {
            if let download {
                head.append("<div class=\"code-title\">")
                appendDownload(download, label: title, to: &head)
                head.append("</div>\n")
            } else {
                head.append("<div class=\"code-title\">")
                head.append(escaping: title)
                head.append("</div>\n")
            }
        }
        // A long line scrolls the block sideways: the block is focusable (and named) so keyboard users can scroll it.
        let name = title ?? language
        head.append("<pre tabindex=\"0\" role=\"group\" aria-label=\"")
        head.append(escaping: name.isEmpty ? "Code" : "Code: " + name)
        head.append("\">")
        if language.isEmpty {
            head.append("<code>")
        } else {
            head.append("<code class=\"language-")
            head.append(escaping: language)
            head.append("\">")
        }
        func appendTail(to tail: inout HTMLBuffer) {
            tail.append("</code></pre>\n")
            if let fold {
                // Folding is CSS keyed on this toggle (styled in style.css); the whole text stays in the <pre>.
                tail.append("<div class=\"code-fold\"><details><summary><span class=\"fold-show\">Show all ")
                tail.append(fold.lines)
                tail.append(" lines</span><span class=\"fold-hide\">Show the first ")
                tail.append(fold.shown)
                tail.append(" lines only</span></summary></details>")
                if let download { appendDownload(download, label: "Download " + download, to: &tail) }
                tail.append("</div>\n")
            }
            tail.append("</div>\n")
        }
        // The listing is most of the block: highlighted into one buffer with the markup around it, so it is copied once.
        if !language.isEmpty, let known = SyntaxHighlighter.Language(name: language) {
            var tail = HTMLBuffer(reservingCapacity: 256)
            appendTail(to: &tail)
            return SyntaxHighlighter.highlight(code, language: known, between: head.bytes, and: tail.bytes)
        }
        head.append(escaping: code)
        appendTail(to: &head)
        return head.text
    }
}
