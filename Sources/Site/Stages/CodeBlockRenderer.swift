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
        let title = fence.attributes["title"], download = fence.attributes["download"]
        var head = MarkupBytes()
        if let fold {
            head.write("<div class=\"code-block code-folded\" style=\"--shown-lines:", String(fold.shown), "\">\n")
        } else {
            head.write("<div class=\"code-block\">\n")
        }
        if let title {
            if let download {
                head.write("<div class=\"code-title\"><a href=\"", HTMLEscape.escape(download), "\" download>", HTMLEscape.escape(title), "</a></div>\n")
            } else {
                head.write("<div class=\"code-title\">", HTMLEscape.escape(title), "</div>\n")
            }
        }
        // A long line scrolls the block sideways: the block is focusable (and named) so keyboard users can scroll it.
        let name = title ?? language
        head.write("<pre tabindex=\"0\" role=\"group\" aria-label=\"", HTMLEscape.escape(name.isEmpty ? "Code" : "Code: " + name), "\">")
        head.write("<code", language.isEmpty ? "" : " class=\"language-" + HTMLEscape.escape(language) + "\"", ">")
        var tail = MarkupBytes()
        tail.write("</code></pre>\n")
        if let fold {
            // Folding is CSS keyed on this toggle (styled in style.css); the whole text stays in the <pre>.
            tail.write("<div class=\"code-fold\"><details><summary><span class=\"fold-show\">Show all ", String(fold.lines), " lines</span>")
            tail.write("<span class=\"fold-hide\">Show the first ", String(fold.shown), " lines only</span></summary></details>")
            if let download {
                tail.write("<a href=\"", HTMLEscape.escape(download), "\" download>Download ", HTMLEscape.escape(download), "</a>")
            }
            tail.write("</div>\n")
        }
        tail.write("</div>\n")
        // The listing is most of the block: highlighted into one buffer with the markup around it, so it is copied once.
        if !language.isEmpty, let known = SyntaxHighlighter.Language(name: language) {
            return SyntaxHighlighter.highlight(code, language: known, between: head.string, and: tail.string)
        }
        return head.string + HTMLEscape.escape(code) + tail.string
    }

    /// The markup around a listing, gathered as UTF-8 bytes and made a String once: appended to a String piece by
    /// piece, each of its two dozen short pieces cost several hundred instructions.
    private struct MarkupBytes {
        var bytes: [UInt8] = []

        mutating func write(_ pieces: String...) {
            for piece in pieces { bytes += piece.utf8 }
        }

        var string: String { String(decoding: bytes, as: UTF8.self) }
    }
}
