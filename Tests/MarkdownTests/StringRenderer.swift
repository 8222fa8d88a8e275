import Escaping
@testable import Markdown

/// The renderer as it was before `HTMLBuffer`: it appended `String`s. The reference `HTMLBufferTests` compares with.
struct StringRenderer {
    /// Renders one fenced code block; return nil to fall back to the default `<pre><code>`.
    var codeBlock: ((_ info: String, _ code: String) -> String?)?
    init(codeBlock: ((String, String) -> String?)? = nil) {
        self.codeBlock = codeBlock
    }

    func render(_ blocks: [Block]) -> String {
        var state = FootnoteState()
        var out = ""
        for block in blocks { render(block, into: &out, footnotes: &state, tight: false) }
        if !state.order.isEmpty {
            out += "<section class=\"footnotes\" aria-label=\"Footnotes\">\n<ol>\n"
            for (index, label) in state.order.enumerated() {
                let number = index + 1
                var body = ""
                for block in state.definitions[label] ?? [] { render(block, into: &body, footnotes: &state, tight: false) }
                let back = " <a href=\"#fnref-\(number)\" class=\"footnote-back\" aria-label=\"Back to reference \(number)\">↩</a>"
                if body.hasSuffix("</p>\n") {
                    body = String(body.dropLast(5)) + back + "</p>\n"
                } else {
                    body += back
                }
                out += "<li id=\"fn-\(number)\">\n\(body)</li>\n"
            }
            out += "</ol>\n</section>\n"
        }
        return out
    }

    /// Renders inline content alone (a title, a table cell).
    func renderInline(_ inlines: [Inline]) -> String {
        var state = FootnoteState()
        var out = ""
        inline(inlines, into: &out, &state)
        return out
    }

    private struct FootnoteState {
        var order: [String] = []
        var definitions: [String: [Block]] = [:]
        var referenceCount: [String: Int] = [:]
    }

    private func render(_ block: Block, into out: inout String, footnotes: inout FootnoteState, tight: Bool) {
        switch block.kind {
        case .paragraph(let content):
            if tight {
                inline(content, into: &out, &footnotes)
                out += "\n"
            } else {
                out += "<p>"
                inline(content, into: &out, &footnotes)
                out += "</p>\n"
            }
        case let .heading(level, content, id):
            let inner = inlineHTML(content, &footnotes)
            if let id {
                out += "<h\(level) id=\"\(HTMLEscape.escape(id))\">\(inner)<a class=\"anchor\" href=\"#\(HTMLEscape.escape(id))\" aria-label=\"Link to this section\">#</a></h\(level)>\n"
            } else {
                out += "<h\(level)>\(inner)</h\(level)>\n"
            }
        case let .codeBlock(info, code):
            if let custom = codeBlock?(info, code) {
                out += custom
            } else {
                let language = info.split(separator: " ").first.map(String.init) ?? ""
                let cls = language.isEmpty ? "" : " class=\"language-\(HTMLEscape.escape(language))\""
                out += "<pre><code\(cls)>\(HTMLEscape.escape(code))</code></pre>\n"
            }
        case .htmlBlock(let html), .rawHTML(let html):
            out += html
            if !html.hasSuffix("\n") { out += "\n" }
        case .blockQuote(let inner):
            out += "<blockquote>\n"
            for b in inner { render(b, into: &out, footnotes: &footnotes, tight: false) }
            out += "</blockquote>\n"
        case let .list(ordered, start, isTight, items):
            let isTaskList = items.contains { $0.task != nil }
            let taskClass = isTaskList ? " class=\"task-list\"" : ""
            if ordered {
                out += start == 1 ? "<ol\(taskClass)>\n" : "<ol start=\"\(start)\"\(taskClass)>\n"
            } else {
                out += "<ul\(taskClass)>\n"
            }
            for item in items {
                out += "<li>"
                if let checked = item.task {
                    out += "<input type=\"checkbox\" disabled\(checked ? " checked" : "") aria-label=\"\(checked ? "done" : "to do")\"> "
                }
                if !isTight { out += "\n" }
                for b in item.blocks { render(b, into: &out, footnotes: &footnotes, tight: isTight) }
                if isTight, out.hasSuffix("\n") { out.removeLast() }
                out += "</li>\n"
            }
            out += ordered ? "</ol>\n" : "</ul>\n"
        case .thematicBreak:
            out += "<hr>\n"
        case .table(let table):
            out += renderTable(table, &footnotes)
        case let .footnoteDefinition(label, content):
            footnotes.definitions[label] = content
        }
    }

    private func renderTable(_ table: Table, _ footnotes: inout FootnoteState) -> String {
        func align(_ i: Int) -> String {
            guard i < table.alignments.count else { return "" }
            switch table.alignments[i] {
            case .none: return ""
            case .left: return " style=\"text-align:left\""
            case .center: return " style=\"text-align:center\""
            case .right: return " style=\"text-align:right\""
            }
        }
        // A wide table scrolls sideways: its box is focusable (and named) so keyboard users can scroll it.
        var out = "<div class=\"table-scroll\" tabindex=\"0\" role=\"group\" aria-label=\"Table\"><table>\n<thead>\n<tr>\n"
        for (i, cell) in table.header.enumerated() {
            out += "<th scope=\"col\"\(align(i))>\(inlineHTML(cell, &footnotes))</th>\n"
        }
        out += "</tr>\n</thead>\n"
        if !table.rows.isEmpty {
            out += "<tbody>\n"
            for row in table.rows {
                out += "<tr>\n"
                for (i, cell) in row.enumerated() {
                    out += "<td\(align(i))>\(inlineHTML(cell, &footnotes))</td>\n"
                }
                out += "</tr>\n"
            }
            out += "</tbody>\n"
        }
        return out + "</table></div>\n"
    }

    private func inlineHTML(_ inlines: [Inline], _ footnotes: inout FootnoteState) -> String {
        var out = ""
        inline(inlines, into: &out, &footnotes)
        return out
    }

    /// Appends the HTML of `inlines` to `out` (nested runs too, without a string of their own).
    private func inline(_ inlines: [Inline], into out: inout String, _ footnotes: inout FootnoteState) {
        for node in inlines {
            switch node {
            case .text(let s): out += HTMLEscape.escape(s)
            case .softBreak: out += "\n"
            case .lineBreak: out += "<br>\n"
            case .code(let s): out += "<code>\(HTMLEscape.escape(s))</code>"
            case .html(let s), .rawHTML(let s): out += s
            case .emphasis(let c):
                out += "<em>"
                inline(c, into: &out, &footnotes)
                out += "</em>"
            case .strong(let c):
                out += "<strong>"
                inline(c, into: &out, &footnotes)
                out += "</strong>"
            case .strikethrough(let c):
                out += "<del>"
                inline(c, into: &out, &footnotes)
                out += "</del>"
            case let .link(url, title, content):
                let t = title.isEmpty ? "" : " title=\"\(HTMLEscape.escape(title))\""
                out += "<a href=\"\(HTMLEscape.url(url))\"\(t)>"
                inline(content, into: &out, &footnotes)
                out += "</a>"
            case let .image(url, title, alt):
                let t = title.isEmpty ? "" : " title=\"\(HTMLEscape.escape(title))\""
                out += "<img src=\"\(HTMLEscape.url(url))\" alt=\"\(HTMLEscape.escape(Inline.plainText(alt)))\"\(t) loading=\"lazy\">"
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
                let refID = seen == 1 ? "fnref-\(number)" : "fnref-\(number)-\(seen)"
                out += "<sup class=\"footnote-ref\"><a href=\"#fn-\(number)\" id=\"\(refID)\">\(number)</a></sup>"
            }
        }
    }
}
