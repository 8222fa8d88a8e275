import Diagnostics
import Foundation
import Markdown
import Escaping

/// Finds where in a lesson's markdown a reference of its built page was written: the link, image or raw
/// HTML `href`/`src` with the same published URL in the lesson's parsed blocks, then the URL's text in
/// the source file, searched from that block's line onward (reference definitions sit below their
/// paragraph).
/// Links met once are consumed, so a URL used twice is found at both places.
struct SourceFinder {
    private var links: [(published: String, written: String, line: Int)] = []
    private var lines: [String] = []
    private let file: String

    init(lesson: Lesson?) {
        file = lesson?.sourcePath ?? ""
        guard let lesson else { return }
        let page = PageLinks(page: PageContext.pagePath(of: lesson))
        var found: [Found] = []
        Self.collect(lesson.blocks, into: &found)
        // Markdown URLs are escaped on the way to the page; raw HTML attributes are published as written.
        links = found.map { link in
            let published = page.published(link.url)
            return (link.inHTML ? published : HTMLEscape.url(published), link.url, link.line)
        }
        if let text = try? String(contentsOfFile: lesson.absolutePath, encoding: .utf8) {
            lines = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        }
    }

    /// The markdown location of `reference`, or nil when the lesson did not write it (a template did).
    mutating func location(of reference: HTMLReferences.Reference) -> SourceLocation? {
        guard let index = links.firstIndex(where: { $0.published == reference.raw }) else { return nil }
        let link = links.remove(at: index)
        let searchOrder = Array(max(0, link.line - 1)..<lines.count) + Array(0..<min(max(0, link.line - 1), lines.count))
        for number in searchOrder {
            if let range = lines[number].range(of: link.written) {
                let column = lines[number][..<range.lowerBound].utf8.count + 1
                return SourceLocation(file: file, line: number + 1, column: column)
            }
        }
        return SourceLocation(file: file, line: link.line, column: 1)
    }

    /// A URL as written, the line of its block (or of its tag, in raw HTML), and whether it sits in raw HTML.
    private typealias Found = (url: String, line: Int, inHTML: Bool)

    /// Every link, image and raw HTML reference, in document order.
    private static func collect(_ blocks: [Block], into found: inout [Found]) {
        for block in blocks {
            let line = block.location.line
            switch block.kind {
            case .paragraph(let inlines), .heading(_, let inlines, _):
                collect(inlines, line: line, into: &found)
            case .blockQuote(let inner), .footnoteDefinition(_, let inner):
                collect(inner, into: &found)
            case .list(_, _, _, let items):
                for item in items { collect(item.blocks, into: &found) }
            case .table(let table):
                for cell in table.header { collect(cell, line: line, into: &found) }
                for row in table.rows { for cell in row { collect(cell, line: line, into: &found) } }
            case .htmlBlock(let html):
                collect(html: html, line: line, into: &found)
            case .codeBlock, .thematicBreak, .rawHTML:
                break
            }
        }
    }

    private static func collect(_ inlines: [Inline], line: Int, into found: inout [Found]) {
        for inline in inlines {
            switch inline {
            case let .link(url, _, content):
                found.append((url, line, false))
                collect(content, line: line, into: &found)
            case let .image(url, _, alt):
                found.append((url, line, false))
                collect(alt, line: line, into: &found)
            case .emphasis(let content), .strong(let content), .strikethrough(let content):
                collect(content, line: line, into: &found)
            case .html(let html):
                collect(html: html, line: line, into: &found)
            default:
                break
            }
        }
    }

    /// The `href` and `src` values of author-written HTML that starts on `line`.
    private static func collect(html: String, line: Int, into found: inout [Found]) {
        for reference in HTMLReferences(html: html).references {
            found.append((reference.raw, line + reference.line - 1, true))
        }
    }
}
