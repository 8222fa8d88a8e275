import Escaping

/// Writes a `Block` tree as HTML5. Headings get their id and a self-link; fenced code keeps its
/// language as `class="language-x"`; a stage may take over code blocks through `codeBlock`.
public struct HTMLRenderer {
    /// Renders one fenced code block; return nil to fall back to the default `<pre><code>`.
    public var codeBlock: ((_ info: String, _ code: String) -> String?)?
    public init(codeBlock: ((String, String) -> String?)? = nil) {
        self.codeBlock = codeBlock
    }

    public func render(_ blocks: [Block]) -> String {
        var state = FootnoteState()
        var out = HTMLBuffer(reservingCapacity: Self.room(for: blocks))
        for block in blocks { render(block, into: &out, footnotes: &state, tight: false) }
        if !state.order.isEmpty {
            out.append("<section class=\"footnotes\" aria-label=\"Footnotes\">\n<ol>\n")
            // The labels the document referenced: one first referenced inside a definition gets a number, no entry.
            for (index, label) in state.order.enumerated() {
                let number = index + 1
                out.append("<li id=\"fn-")
                out.append(number)
                out.append("\">\n")
                let body = out.count
                for block in state.definitions[label] ?? [] { render(block, into: &out, footnotes: &state, tight: false) }
                // The back link goes inside a closing paragraph (`hasSuffix` compares characters, not bytes).
                let closesParagraph = out.text(from: body).hasSuffix("</p>\n")
                if closesParagraph { out.removeLast(5) }
                out.append(" <a href=\"#fnref-")
                out.append(number)
                out.append("\" class=\"footnote-back\" aria-label=\"Back to reference ")
                out.append(number)
                out.append("\">↩</a>")
                if closesParagraph { out.append("</p>\n") }
                out.append("</li>\n")
            }
            out.append("</ol>\n</section>\n")
        }
        return out.text
    }

    /// About the size of the HTML of `blocks`, for the buffer to reserve at once (every time it grows, it copies all
    /// written so far): the finished HTML and code they hold, and a long paragraph's worth for any other block.
    private static func room(for blocks: [Block]) -> Int {
        blocks.reduce(0) { room, block in
            switch block.kind {
            case .htmlBlock(let html), .rawHTML(let html): room + html.utf8.count
            case .codeBlock(_, let code): room + code.utf8.count + 64
            default: room + 1024
            }
        }
    }

    /// Renders inline content alone (a title, a table cell).
    public func renderInline(_ inlines: [Inline]) -> String {
        var state = FootnoteState()
        var out = HTMLBuffer(reservingCapacity: 256)
        inline(inlines, into: &out, &state)
        return out.text
    }

    private struct FootnoteState {
        var order: [String] = []
        var definitions: [String: [Block]] = [:]
        var referenceCount: [String: Int] = [:]
    }

    private func render(_ block: Block, into out: inout HTMLBuffer, footnotes: inout FootnoteState, tight: Bool) {
        switch block.kind {
        case .paragraph(let content):
            if tight {
                inline(content, into: &out, &footnotes)
                out.append("\n")
            } else {
                out.append("<p>")
                inline(content, into: &out, &footnotes)
                out.append("</p>\n")
            }
        case let .heading(level, content, id):
            out.append("<h")
            out.append(level)
            if let id {
                out.append(" id=\"")
                out.append(escaping: id)
                out.append("\">")
                inline(content, into: &out, &footnotes)
                out.append("<a class=\"anchor\" href=\"#")
                out.append(escaping: id)
                out.append("\" aria-label=\"Link to this section\">#</a>")
            } else {
                out.append(">")
                inline(content, into: &out, &footnotes)
            }
            out.append("</h")
            out.append(level)
            out.append(">\n")
        case let .codeBlock(info, code):
            if let custom = codeBlock?(info, code) {
                out.append(html: custom)
            } else {
                let language = info.split(separator: " ").first.map(String.init) ?? ""
                out.append("<pre><code")
                if !language.isEmpty {
                    out.append(" class=\"language-")
                    out.append(escaping: language)
                    out.append("\"")
                }
                out.append(">")
                out.append(escaping: code)
                out.append("</code></pre>\n")
            }
        case .htmlBlock(let html), .rawHTML(let html):
            out.append(html: html)
            if !html.hasSuffix("\n") { out.append("\n") }
        case .blockQuote(let inner):
            out.append("<blockquote>\n")
            for b in inner { render(b, into: &out, footnotes: &footnotes, tight: false) }
            out.append("</blockquote>\n")
        case let .list(ordered, start, isTight, items):
            out.append(ordered ? "<ol" : "<ul")
            if ordered, start != 1 {
                out.append(" start=\"")
                out.append(start)
                out.append("\"")
            }
            if items.contains(where: { $0.task != nil }) { out.append(" class=\"task-list\"") }
            out.append(">\n")
            for item in items {
                out.append("<li>")
                if let checked = item.task {
                    out.append(checked ? "<input type=\"checkbox\" disabled checked aria-label=\"done\"> "
                                       : "<input type=\"checkbox\" disabled aria-label=\"to do\"> ")
                }
                if !isTight { out.append("\n") }
                for b in item.blocks { render(b, into: &out, footnotes: &footnotes, tight: isTight) }
                if isTight, out.endsWithNewline { out.removeLast(1) }
                out.append("</li>\n")
            }
            out.append(ordered ? "</ol>\n" : "</ul>\n")
        case .thematicBreak:
            out.append("<hr>\n")
        case .table(let table):
            renderTable(table, into: &out, &footnotes)
        case let .footnoteDefinition(label, content):
            footnotes.definitions[label] = content
        }
    }

    private func renderTable(_ table: Table, into out: inout HTMLBuffer, _ footnotes: inout FootnoteState) {
        func align(_ i: Int) -> StaticString {
            guard i < table.alignments.count else { return "" }
            switch table.alignments[i] {
            case .none: return ""
            case .left: return " style=\"text-align:left\""
            case .center: return " style=\"text-align:center\""
            case .right: return " style=\"text-align:right\""
            }
        }
        // A wide table scrolls sideways: its box is focusable (and named) so keyboard users can scroll it.
        out.append("<div class=\"table-scroll\" tabindex=\"0\" role=\"group\" aria-label=\"Table\"><table>\n<thead>\n<tr>\n")
        // One cell: its start tag (`<th scope="col"`, `<td`) with the column's alignment, its content, its end tag.
        func cells(_ row: [[Inline]], start: StaticString, end: StaticString) {
            for (i, cell) in row.enumerated() {
                out.append(start)
                out.append(align(i))
                out.append(">")
                inline(cell, into: &out, &footnotes)
                out.append(end)
            }
        }
        cells(table.header, start: "<th scope=\"col\"", end: "</th>\n")
        out.append("</tr>\n</thead>\n")
        if !table.rows.isEmpty {
            out.append("<tbody>\n")
            for row in table.rows {
                out.append("<tr>\n")
                cells(row, start: "<td", end: "</td>\n")
                out.append("</tr>\n")
            }
            out.append("</tbody>\n")
        }
        out.append("</table></div>\n")
    }

    /// Appends the HTML of `inlines` to `out`.
    private func inline(_ inlines: [Inline], into out: inout HTMLBuffer, _ footnotes: inout FootnoteState) {
        for node in inlines {
            switch node {
            case .text(let s): out.append(escaping: s)
            case .softBreak: out.append("\n")
            case .lineBreak: out.append("<br>\n")
            case .code(let s):
                out.append("<code>")
                out.append(escaping: s)
                out.append("</code>")
            case .html(let s), .rawHTML(let s): out.append(html: s)
            case .emphasis(let c):
                out.append("<em>")
                inline(c, into: &out, &footnotes)
                out.append("</em>")
            case .strong(let c):
                out.append("<strong>")
                inline(c, into: &out, &footnotes)
                out.append("</strong>")
            case .strikethrough(let c):
                out.append("<del>")
                inline(c, into: &out, &footnotes)
                out.append("</del>")
            case let .link(url, title, content):
                out.append("<a href=\"")
                out.append(html: HTMLEscape.url(url))
                out.append("\"")
                appendTitle(title, to: &out)
                out.append(">")
                inline(content, into: &out, &footnotes)
                out.append("</a>")
            case let .image(url, title, alt):
                out.append("<img src=\"")
                out.append(html: HTMLEscape.url(url))
                out.append("\" alt=\"")
                out.append(escaping: Inline.plainText(alt))
                out.append("\"")
                appendTitle(title, to: &out)
                out.append(" loading=\"lazy\">")
            case .footnoteReference(let label):
                let number: Int
                if let index = footnotes.order.firstIndex(of: label) {
                    number = index + 1
                } else {
                    footnotes.order.append(label)
                    number = footnotes.order.count
                }
                let seen = footnotes.referenceCount[label, default: 0] + 1
                footnotes.referenceCount[label] = seen
                out.append("<sup class=\"footnote-ref\"><a href=\"#fn-")
                out.append(number)
                out.append("\" id=\"fnref-")
                out.append(number)
                if seen > 1 {
                    out.append("-")
                    out.append(seen)
                }
                out.append("\">")
                out.append(number)
                out.append("</a></sup>")
            }
        }
    }

    /// A link's or image's ` title="…"` attribute, when it has a title.
    private func appendTitle(_ title: String, to out: inout HTMLBuffer) {
        guard !title.isEmpty else { return }
        out.append(" title=\"")
        out.append(escaping: title)
        out.append("\"")
    }
}
