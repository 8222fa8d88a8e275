import Markdown

/// Applies a rewrite to every inline run of a block tree (paragraphs, headings, table cells, list
/// items, quotes, footnotes), leaving code untouched.
struct InlineRewriter {
    let rewrite: ([Inline]) -> [Inline]
    /// Applied to the text of raw HTML blocks written in the markdown, when given.
    var htmlBlock: ((String) -> String)? = nil

    func blocks(_ blocks: [Block]) -> [Block] { blocks.map(block) }

    func block(_ block: Block) -> Block {
        var block = block
        switch block.kind {
        case .paragraph(let inlines):
            block.kind = .paragraph(inline(inlines))
        case let .heading(level, content, id):
            block.kind = .heading(level: level, content: inline(content), id: id)
        case .blockQuote(let inner):
            block.kind = .blockQuote(blocks(inner))
        case let .list(ordered, start, tight, items):
            block.kind = .list(ordered: ordered, start: start, tight: tight,
                               items: items.map { ListItem(blocks: blocks($0.blocks), task: $0.task) })
        case .table(var table):
            table.header = table.header.map(inline)
            table.rows = table.rows.map { $0.map(inline) }
            block.kind = .table(table)
        case let .footnoteDefinition(label, content):
            block.kind = .footnoteDefinition(label: label, content: blocks(content))
        case .htmlBlock(let html):
            if let htmlBlock { block.kind = .htmlBlock(htmlBlock(html)) }
        case .codeBlock, .thematicBreak, .rawHTML:
            break
        }
        return block
    }

    func inline(_ inlines: [Inline]) -> [Inline] {
        // Most runs nest nothing: they go to `rewrite` as they are.
        guard inlines.contains(where: Self.nests) else { return rewrite(inlines) }
        return rewrite(inlines.map { node in
            switch node {
            case .emphasis(let c): return .emphasis(inline(c))
            case .strong(let c): return .strong(inline(c))
            case .strikethrough(let c): return .strikethrough(inline(c))
            case let .link(url, title, content): return .link(url: url, title: title, content: inline(content))
            default: return node
            }
        })
    }

    /// Whether `node` holds inline content of its own, rewritten before the run it is in.
    private static func nests(_ node: Inline) -> Bool {
        switch node {
        case .emphasis, .strong, .strikethrough, .link: true
        default: false
        }
    }
}
